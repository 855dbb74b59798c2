"""The stand-in's SigV4 against the presigned-URL example of the S3 API reference (example keys, not secrets)."""

import datetime
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from s3 import S3Target  # noqa: E402


class PresignTest(unittest.TestCase):
    def test_reference_example(self):
        # examplebucket/test.txt, 2013-05-24T00:00:00Z, 86400 s: the reference's signature aeeed9bb...d404.
        # (virtual-hosted in the reference; the same canonical path /test.txt comes out when the bucket is the host.)
        target = S3Target("https://examplebucket.s3.amazonaws.com", "examplebucket", "AKIAIOSFODNN7EXAMPLE",
                          "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        target.path = lambda key: "/" + key
        when = datetime.datetime(2013, 5, 24, tzinfo=datetime.timezone.utc)
        url = target.presigned_get("test.txt", expires=86400, now=when)
        self.assertTrue(url.endswith("X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"))

    def test_put_headers_sign_the_payload_hash(self):
        target = S3Target("http://10.0.0.1:9000", "runs", "AK", "SK")
        h = target.put_headers("out/a.mp4", b"", now=datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc))
        self.assertEqual(h["x-amz-content-sha256"], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        self.assertEqual(h["x-amz-date"], "20240102T030405Z")
        self.assertTrue(h["authorization"].startswith(
            "AWS4-HMAC-SHA256 Credential=AK/20240102/us-east-1/s3/aws4_request, "
            "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature="))


if __name__ == "__main__":
    unittest.main()
