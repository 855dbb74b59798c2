"""A stdlib S3 client for the stand-in miners: SigV4-signed PutObject and presigned GET URLs (no boto3 offline).

Rules: AWS "Signature Version 4 signing process" (S3 API reference); the sink (harness/services/s3-sink.ts) verifies them.
"""

import datetime
import hashlib
import hmac
import urllib.parse

UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"


def uri_encode(text, keep_slash=False):
    return urllib.parse.quote(text, safe=UNRESERVED + ("/" if keep_slash else ""))


def _hmac(key, text):
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()


def signing_key(secret, date, region, service="s3"):
    return _hmac(_hmac(_hmac(_hmac(("AWS4" + secret).encode("utf-8"), date), region), service), "aws4_request")


def _canonical_query(params):
    pairs = sorted((uri_encode(k), uri_encode(v)) for k, v in params)
    return "&".join(f"{k}={v}" for k, v in pairs)


class S3Target:
    """Where uploads go: endpoint (http://host:port), bucket, credentials and region, from the miner's environment."""

    def __init__(self, endpoint, bucket, access_key, secret_key, region="us-east-1"):
        parsed = urllib.parse.urlsplit(endpoint.rstrip("/"))
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ValueError(f"S3 endpoint {endpoint!r} is not an http(s) URL")
        self.endpoint = f"{parsed.scheme}://{parsed.netloc}"
        self.host = parsed.netloc
        self.bucket = bucket
        self.access_key = access_key
        self.secret_key = secret_key
        self.region = region

    def path(self, key):
        return "/" + uri_encode(self.bucket) + "/" + uri_encode(key, keep_slash=True)

    def put_headers(self, key, data, content_type="video/mp4", now=None):
        """Headers of a path-style PutObject with the payload's sha256 signed (x-amz-content-sha256)."""
        now = now or datetime.datetime.now(datetime.timezone.utc)
        amz_date = now.strftime("%Y%m%dT%H%M%SZ")
        date = amz_date[:8]
        payload_hash = hashlib.sha256(data).hexdigest()
        headers = {
            "content-type": content_type,
            "host": self.host,
            "x-amz-content-sha256": payload_hash,
            "x-amz-date": amz_date,
        }
        signed = sorted(headers)
        canonical = "\n".join([
            "PUT", self.path(key), "",
            "".join(f"{h}:{headers[h].strip()}\n" for h in signed),
            ";".join(signed), payload_hash,
        ])
        scope = f"{date}/{self.region}/s3/aws4_request"
        to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
        signature = hmac.new(signing_key(self.secret_key, date, self.region), to_sign.encode(), hashlib.sha256).hexdigest()
        headers["authorization"] = (f"AWS4-HMAC-SHA256 Credential={self.access_key}/{scope}, "
                                    f"SignedHeaders={';'.join(signed)}, Signature={signature}")
        return headers

    def presigned_get(self, key, expires=3600, now=None):
        """A GET URL valid for `expires` seconds, signed in its query string (what the vidaio miner answers with)."""
        now = now or datetime.datetime.now(datetime.timezone.utc)
        amz_date = now.strftime("%Y%m%dT%H%M%SZ")
        date = amz_date[:8]
        scope = f"{date}/{self.region}/s3/aws4_request"
        params = [
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            ("X-Amz-Credential", f"{self.access_key}/{scope}"),
            ("X-Amz-Date", amz_date),
            ("X-Amz-Expires", str(expires)),
            ("X-Amz-SignedHeaders", "host"),
        ]
        canonical = "\n".join(["GET", self.path(key), _canonical_query(params), f"host:{self.host}\n", "host",
                               "UNSIGNED-PAYLOAD"])
        to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
        signature = hmac.new(signing_key(self.secret_key, date, self.region), to_sign.encode(), hashlib.sha256).hexdigest()
        query = _canonical_query(params) + "&X-Amz-Signature=" + signature
        return f"{self.endpoint}{self.path(key)}?{query}"


async def put_object(session, target, key, data, content_type="video/mp4"):
    """Uploads with aiohttp; raises RuntimeError with the sink's answer on anything but 200."""
    headers = target.put_headers(key, data, content_type)
    async with session.put(target.endpoint + target.path(key), data=data, headers=headers) as r:
        if r.status != 200:
            raise RuntimeError(f"upload of {key} answered {r.status}: {(await r.text())[:300]}")
