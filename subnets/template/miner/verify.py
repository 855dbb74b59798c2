"""The axon's default_verify: nonce rules and signature checks (shape only here: no sr25519 in Debian's Python)."""

import time

from ss58 import ss58_error

V_7_2_0 = 7002000
ALLOWED_DELTA_NS = 4_000_000_000
NS_PER_S = 1_000_000_000


class VerifyError(Exception):
    """Verification failed; the axon answers 401 "Not Verified with error: <message>"."""


def signature_shape_error(signature):
    """What bittensor_wallet's Keypair.verify would raise before any cryptography, or None.

    Mirrors btwallet: a str must start with 0x; every leading "0x" is trimmed (Rust trim_start_matches);
    then hex decoding (odd length first, then the first bad character) and a 64-byte length check.
    """
    if not signature.startswith("0x"):
        return "Invalid signature format. Expected hex string."
    digits = signature
    while digits.startswith("0x"):
        digits = digits[2:]
    raw = digits.encode("utf-8")
    if len(raw) % 2:
        return "Invalid hex string: OddLength"
    for index, byte in enumerate(raw):
        if chr(byte) not in "0123456789abcdefABCDEF":
            return f"Invalid hex string: InvalidHexCharacter {{ c: {_rust_char(byte)}, index: {index} }}"
    if len(raw) != 128:
        return "Invalid signature"
    return None


def _rust_char(byte):
    char = chr(byte)
    if char in "'\\":
        return f"'\\{char}'"
    if 0x20 <= byte < 0x7F:
        return f"'{char}'"
    return f"'\\u{{{byte:x}}}'"


class NonceVerifier:
    """Per-axon verify state: the last accepted nonce per "<dendrite hotkey>:<dendrite uuid>" (never pruned,
    as in bittensor). `signature_check(message, signature, ss58) -> bool` may be plugged in where an sr25519
    library exists; without one a well-formed signature is accepted and the harness verifies signatures."""

    def __init__(self, axon_hotkey, signature_check=None, clock_ns=time.time_ns):
        self.axon_hotkey = axon_hotkey
        self.signature_check = signature_check
        self.clock_ns = clock_ns
        self.nonces = {}

    def signed_message(self, synapse):
        """The message a dendrite signs, built with THIS axon's hotkey (not the request's axon header)."""
        d = synapse["dendrite"]
        return f"{d['nonce']}.{d['hotkey']}.{self.axon_hotkey}.{d['uuid']}.{synapse['computed_body_hash']}"

    def verify(self, synapse):
        """Raise VerifyError(reason) like bittensor's Axon.default_verify (+ the PR #3393 missing-signature fix)."""
        d = synapse["dendrite"]
        if d["hotkey"] is None:
            raise VerifyError("No SS58 formatted address or public key provided.")
        bad_address = ss58_error(d["hotkey"])
        if bad_address:
            raise VerifyError(f"Invalid SS58 address: {bad_address}")
        message = self.signed_message(synapse)
        endpoint_key = f"{d['hotkey']}:{d['uuid']}"
        nonce = d["nonce"]
        if nonce is None:
            raise VerifyError("Missing Nonce")
        stored = self.nonces.get(endpoint_key)
        if d["version"] is not None and d["version"] >= V_7_2_0:
            now = self.clock_ns()
            timeout_ns = (synapse["timeout"] or 0) * NS_PER_S
            if stored is None and nonce <= now - ALLOWED_DELTA_NS - timeout_ns:
                age = (now - nonce) / NS_PER_S
                allowed = (ALLOWED_DELTA_NS + timeout_ns) / NS_PER_S
                raise VerifyError(
                    f"Nonce is too old: acceptable delta is {allowed:.2f} seconds but request was {age:.2f} seconds old"
                )
        if stored is not None and nonce <= stored:
            raise VerifyError("Nonce is too old, a newer one was last processed")
        signature = d["signature"]
        if not signature:
            raise VerifyError("Missing signature")
        bad_shape = signature_shape_error(signature)
        if bad_shape:
            raise VerifyError(bad_shape)
        if self.signature_check and not self.signature_check(message, signature, d["hotkey"]):
            raise VerifyError(f"Signature mismatch with {message} and {signature}")
        self.nonces[endpoint_key] = nonce
