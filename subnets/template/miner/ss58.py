"""SS58 address checks (base58 + blake2b checksum), with the error texts of sp_core's Ss58Codec."""

import hashlib

_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {c: i for i, c in enumerate(_ALPHABET)}
_PUBLIC_KEY_LEN = 32
_CHECKSUM_LEN = 2


def b58decode(text):
    """Decode Bitcoin-alphabet base58; None when a character is outside the alphabet."""
    num = 0
    for ch in text:
        digit = _INDEX.get(ch)
        if digit is None:
            return None
        num = num * 58 + digit
    body = num.to_bytes((num.bit_length() + 7) // 8, "big") if num else b""
    zeros = len(text) - len(text.lstrip("1"))
    return b"\x00" * zeros + body


def ss58_error(address):
    """Why `address` is not a valid SS58 sr25519 public key, or None when it is.

    Mirrors sp_core `from_ss58check_with_version`: base58, prefix (1 or 2 bytes), length 32+2,
    reserved formats 46/47, checksum = blake2b-512(b"SS58PRE" + prefix + key)[:2].
    """
    if not isinstance(address, str):
        return "Base 58 requirement is violated"
    data = b58decode(address)
    if data is None:
        return "Base 58 requirement is violated"
    if len(data) < 2:
        return "Length is bad"
    first = data[0]
    if first <= 63:
        prefix_len, ident = 1, first
    elif first <= 127:
        lower = ((first << 2) | (data[1] >> 6)) & 0xFF
        upper = data[1] & 0b00111111
        prefix_len, ident = 2, lower | (upper << 8)
    else:
        return "Invalid SS58 prefix byte."
    if len(data) != prefix_len + _PUBLIC_KEY_LEN + _CHECKSUM_LEN:
        return "Length is bad"
    if ident in (46, 47):
        return "Disallowed SS58 Address Format for this datatype."
    end = prefix_len + _PUBLIC_KEY_LEN
    digest = hashlib.blake2b(b"SS58PRE" + data[:end], digest_size=64).digest()
    if data[end:end + _CHECKSUM_LEN] != digest[:_CHECKSUM_LEN]:
        return "Invalid checksum"
    return None


def is_ss58(address):
    return ss58_error(address) is None
