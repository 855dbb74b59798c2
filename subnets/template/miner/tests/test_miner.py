"""Unit tests of the miner's pure parts (no aiohttp needed): python3 -m unittest discover -s subnets/template/miner/tests"""

import base64
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from ss58 import ss58_error  # noqa: E402
from synapse import DUMMY, PING, FieldError, body_hash, lax_int  # noqa: E402
from verify import NonceVerifier, VerifyError, signature_shape_error  # noqa: E402

ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"
EMPTY_HASH = "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"
SIG = "0x" + "ab" * 64
NOW = 1_732_000_000_000_000_000


def wire_headers(**overrides):
    """The Dummy request headers of bittensor.md 1.10, lower-cased as a server sees them."""
    headers = {
        "name": "Dummy", "timeout": "12.0", "bt_header_axon_ip": "127.0.0.1", "bt_header_axon_port": "8091",
        "bt_header_axon_hotkey": BOB, "bt_header_dendrite_ip": "203.0.113.5",
        "bt_header_dendrite_version": "10002000", "bt_header_dendrite_nonce": str(NOW),
        "bt_header_dendrite_uuid": "5ecbd69c-1cec-11ee-b0dc-e29ce36fec1a", "bt_header_dendrite_hotkey": ALICE,
        "bt_header_dendrite_signature": SIG, "bt_header_input_obj_dummy_input": "MA==", "header_size": "640",
        "total_size": "3014", "computed_body_hash": EMPTY_HASH,
    }
    headers.update(overrides)
    return [(k, v) for k, v in headers.items() if v is not None]


class BodyHash(unittest.TestCase):
    def test_no_hash_fields_is_sha3_of_empty(self):
        self.assertEqual(DUMMY.body_hash(DUMMY.validate({"dummy_input": 7})), EMPTY_HASH)
        self.assertEqual(PING.body_hash(PING.validate({})), EMPTY_HASH)

    def test_python_str_of_each_field(self):  # bittensor.md 1.4: messages=["hello"]
        expected = "e2375691e17272625698e44c2322ea1d64374d5ad46f61f55698aaf0428b8550"
        self.assertEqual(body_hash({"messages": ["hello"]}, ("messages",)), expected)


class Ss58(unittest.TestCase):
    def test_known_addresses(self):
        self.assertIsNone(ss58_error(ALICE))
        self.assertIsNone(ss58_error(BOB))

    def test_errors(self):
        self.assertEqual(ss58_error(ALICE[:-1] + "Z"), "Invalid checksum")
        self.assertEqual(ss58_error("0OIl"), "Base 58 requirement is violated")
        self.assertEqual(ss58_error(""), "Length is bad")


class Fields(unittest.TestCase):
    def test_lax_int_like_pydantic(self):
        for value, expected in [(5, 5), (True, 1), (5.0, 5), ("5", 5), (" 7 ", 7), ("1_000", 1000), ("5.00", 5)]:
            self.assertEqual(lax_int(value), expected)
        for value in [5.5, float("inf"), "5.5", "x", "", None, [1], 1e20]:
            with self.assertRaises(FieldError):
                lax_int(value)

    def test_dummy_body(self):
        s = DUMMY.validate({"dummy_input": "3", "timeout": 12, "dendrite": {"nonce": "9", "extra": 1}})
        self.assertEqual(list(s), ["name", "timeout", "total_size", "header_size", "dendrite", "axon",
                                   "computed_body_hash", "dummy_input", "dummy_output"])
        self.assertEqual((s["timeout"], s["dummy_input"], s["dendrite"]["nonce"]), (12.0, 3, 9))
        self.assertEqual(len(s["axon"]), 10)
        for bad in [{}, {"dummy_input": "seven"}, {"dummy_input": 1, "dendrite": {"hotkey": 5}}, {"dummy_input": 1, "axon": []}]:
            with self.assertRaises(Exception):
                DUMMY.validate(bad)
        with self.assertRaises(TypeError):
            DUMMY.validate([1])


class Headers(unittest.TestCase):
    def test_from_headers(self):
        s = DUMMY.from_headers(wire_headers())
        self.assertEqual(s["dendrite"]["nonce"], NOW)
        self.assertEqual(s["dendrite"]["version"], 10002000)
        self.assertEqual(s["axon"]["port"], 8091)
        self.assertEqual(s["dummy_input"], 0)  # the empty value the dendrite sends
        self.assertEqual(s["computed_body_hash"], EMPTY_HASH)

    def test_missing_optional_headers_become_none(self):
        s = DUMMY.from_headers(wire_headers(timeout=None, computed_body_hash=None))
        self.assertIsNone(s["timeout"])
        self.assertIsNone(s["computed_body_hash"])

    def test_parse_failures(self):
        for bad in [wire_headers(bt_header_input_obj_dummy_input=None),
                    wire_headers(bt_header_input_obj_dummy_input="!!"),  # undecodable: skipped, then required
                    wire_headers(bt_header_dendrite_nonce="soon"), wire_headers(timeout="twelve")]:
            with self.assertRaises(Exception):
                DUMMY.from_headers(bad)

    def test_input_obj_is_base64_json(self):
        encoded = base64.b64encode(b"41").decode()
        self.assertEqual(DUMMY.from_headers(wire_headers(bt_header_input_obj_dummy_input=encoded))["dummy_input"], 41)

    def test_to_headers_order_and_values(self):
        s = DUMMY.validate({"dummy_input": 7, "axon": {"status_code": 200, "status_message": "Success", "port": 8091}})
        s["dummy_output"] = 14
        headers = dict(DUMMY.to_headers(s))
        self.assertEqual(list(headers)[:5], ["name", "timeout", "bt_header_axon_status_code",
                                             "bt_header_axon_status_message", "bt_header_axon_port"])
        self.assertEqual(headers["timeout"], "12.0")
        self.assertEqual(headers["bt_header_input_obj_dummy_input"], "MA==")
        self.assertEqual(headers["computed_body_hash"], EMPTY_HASH)
        self.assertEqual(list(headers)[-3:], ["header_size", "total_size", "computed_body_hash"])
        int(headers["header_size"]), int(headers["total_size"])


class Verify(unittest.TestCase):
    def setUp(self):
        self.now = NOW
        self.v = NonceVerifier(BOB, clock_ns=lambda: self.now)

    def syn(self, **dendrite):
        s = DUMMY.from_headers(wire_headers())
        s["dendrite"].update(dendrite)
        return s

    def reason(self, s):
        with self.assertRaises(VerifyError) as ctx:
            self.v.verify(s)
        return str(ctx.exception)

    def test_fresh_request_passes_and_message_uses_own_hotkey(self):
        s = self.syn()
        self.v.verify(s)
        self.assertEqual(self.v.signed_message(s),
                         f"{NOW}.{ALICE}.{BOB}.5ecbd69c-1cec-11ee-b0dc-e29ce36fec1a.{EMPTY_HASH}")

    def test_nonce_rules(self):
        self.assertEqual(self.reason(self.syn(nonce=None)), "Missing Nonce")
        self.assertEqual(self.reason(self.syn(nonce=NOW - 16_000_000_000)),
                         "Nonce is too old: acceptable delta is 16.00 seconds but request was 16.00 seconds old")
        self.v.verify(self.syn(nonce=NOW - 15_999_999_000))
        self.v.verify(self.syn(nonce=NOW + 60_000_000_000))  # the future is accepted
        self.assertEqual(self.reason(self.syn(nonce=NOW + 60_000_000_000)),
                         "Nonce is too old, a newer one was last processed")
        self.v.verify(self.syn(nonce=NOW - 10**12, version=7001000, uuid="old-sdk"))  # no window below 7.2.0

    def test_signature_presence_and_shape(self):
        self.assertEqual(self.reason(self.syn(signature=None)), "Missing signature")
        self.assertEqual(self.reason(self.syn(signature="")), "Missing signature")
        self.assertEqual(self.reason(self.syn(signature="ab" * 64)), "Invalid signature format. Expected hex string.")
        self.assertEqual(self.reason(self.syn(signature="0x123")), "Invalid hex string: OddLength")
        self.assertEqual(self.reason(self.syn(signature="0x12zz")),
                         "Invalid hex string: InvalidHexCharacter { c: 'z', index: 2 }")
        self.assertEqual(self.reason(self.syn(signature="0x1234")), "Invalid signature")
        self.assertIsNone(signature_shape_error("0x0x" + "00" * 64))  # every leading 0x is trimmed

    def test_rejected_request_keeps_no_nonce(self):
        self.reason(self.syn(signature=None))
        self.v.verify(self.syn())

    def test_hotkey(self):
        self.assertEqual(self.reason(self.syn(hotkey=None)), "No SS58 formatted address or public key provided.")
        self.assertEqual(self.reason(self.syn(hotkey="5abc")), "Invalid SS58 address: Length is bad")

    def test_pluggable_signature_check(self):
        v = NonceVerifier(BOB, signature_check=lambda message, sig, ss58: False, clock_ns=lambda: NOW)
        with self.assertRaises(VerifyError) as ctx:
            v.verify(self.syn())
        self.assertTrue(str(ctx.exception).startswith(f"Signature mismatch with {NOW}.{ALICE}.{BOB}."))


if __name__ == "__main__":
    unittest.main()
