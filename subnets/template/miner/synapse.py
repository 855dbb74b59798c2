"""Synapse, TerminalInfo and the template's Dummy: field checks as pydantic v2 (lax) does them, header codec, body hash.

A synapse instance is a plain dict whose key order is pydantic's model_dump order, so json.dumps of it is
byte-compatible with what a bittensor axon sends back.
"""

import base64
import hashlib
import json
import math
import re
import sys


class FieldError(ValueError):
    """A value a pydantic model would refuse (the axon answers 500 for these)."""


_MISSING = object()
_INT_TEXT = re.compile(r"[+-]?[0-9]+(?:_[0-9]+)*(?:\.0+)?")


def lax_int(value):
    """pydantic v2 lax `int`: ints, bools, integral finite floats, and strings such as ' 5 ', '1_000', '5.0'."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise FieldError("Input should be a finite number")
        if value != int(value):
            raise FieldError("Input should be a valid integer, got a number with a fractional part")
        if not -(2.0**63) < value < 2.0**63:  # pydantic-core converts floats through i64
            raise FieldError("Input should be a valid integer, unable to parse number as an integer")
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        if not _INT_TEXT.fullmatch(text):
            raise FieldError("Input should be a valid integer, unable to parse string as an integer")
        return int(text.split(".")[0])
    raise FieldError("Input should be a valid integer")


def opt_int(value):
    return None if value is None else lax_int(value)


def opt_str(value):
    """pydantic v2 lax `Optional[str]`: no number-to-string coercion."""
    if value is None or isinstance(value, str):
        return value
    raise FieldError("Input should be a valid string")


def cast_int(value):
    """bittensor's before-validator `cast_int` (Python int(), so 1.9 -> 1 and '12' -> 12), then Optional[int]."""
    return None if value is None else lax_int(int(value))


def cast_float(value):
    """bittensor's before-validator `cast_float` (Python float()), then Optional[float]."""
    return None if value is None else float(value)


TERMINAL_FIELDS = (
    ("status_code", cast_int),
    ("status_message", opt_str),
    ("process_time", cast_float),
    ("ip", opt_str),
    ("port", cast_int),
    ("version", cast_int),
    ("nonce", cast_int),
    ("uuid", opt_str),
    ("hotkey", opt_str),
    ("signature", opt_str),
)


def new_terminal():
    return {name: None for name, _ in TERMINAL_FIELDS}


def terminal(value):
    """Optional[TerminalInfo]: None, or a mapping checked field by field (unknown keys ignored)."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise FieldError("Input should be a valid dictionary or instance of TerminalInfo")
    return {name: (check(value[name]) if name in value else None) for name, check in TERMINAL_FIELDS}


class SynapseType:
    """One Synapse subclass: its route name, extra fields (name, check, default or _MISSING) and hash fields."""

    BASE_FIELDS = (
        ("timeout", cast_float, 12.0),
        ("total_size", cast_int, 0),
        ("header_size", cast_int, 0),
        ("dendrite", terminal, None),  # default: a fresh TerminalInfo()
        ("axon", terminal, None),
        ("computed_body_hash", opt_str, ""),
    )

    def __init__(self, name, fields=(), required_hash_fields=()):
        self.name = name
        self.fields = tuple(fields)
        self.required_hash_fields = tuple(required_hash_fields)
        self.required_fields = [f for f, _, default in self.fields if default is _MISSING]

    def validate(self, values):
        """Build an instance from keyword values like `Cls(**values)`; raises on what pydantic would refuse."""
        if not isinstance(values, dict):
            raise TypeError(f"{self.name}() argument after ** must be a mapping, not {type(values).__name__}")
        out = {"name": self.name}  # the set_name_type model validator forces the class name
        for field, check, default in self.BASE_FIELDS + self.fields:
            if field in values:
                try:
                    out[field] = check(values[field])
                except (FieldError, TypeError, OverflowError) as e:
                    raise FieldError(f"{self.name}.{field}: {e}") from e
            elif default is _MISSING:
                raise FieldError(f"{self.name}.{field}: Field required")
            elif field in ("dendrite", "axon"):
                out[field] = new_terminal()
            else:
                out[field] = default
        return out

    def from_headers(self, headers):
        """`Synapse.from_headers`: `headers` is a list of (lower-case name, value) pairs."""
        inputs = {"axon": {}, "dendrite": {}}
        for key, value in headers:
            if "bt_header_axon_" in key:
                inputs["axon"][key.split("bt_header_axon_")[1]] = value
            elif "bt_header_dendrite_" in key:
                inputs["dendrite"][key.split("bt_header_dendrite_")[1]] = value
            elif "bt_header_input_obj" in key:
                try:
                    new_key = key.split("bt_header_input_obj_")[1]
                    if new_key in inputs:
                        continue
                    inputs[new_key] = json.loads(base64.b64decode(value.encode()).decode("utf-8"))
                except Exception:  # bittensor logs and skips an undecodable input_obj header
                    continue
        first = {}
        for key, value in headers:
            first.setdefault(key, value)
        for key in ("timeout", "name", "header_size", "total_size", "computed_body_hash"):
            inputs[key] = first.get(key)
        return self.validate(inputs)

    def body_hash(self, synapse):
        return body_hash(synapse, self.required_hash_fields)

    def to_headers(self, synapse):
        """`Synapse.to_headers()` as a list of (name, value) pairs, in bittensor's order."""
        headers = {"name": synapse["name"], "timeout": str(synapse["timeout"])}
        for side in ("axon", "dendrite"):
            info = synapse[side]
            if info:
                headers.update({f"bt_header_{side}_{k}": str(v) for k, v in info.items() if v is not None})
        for field in self.required_fields:
            value = synapse.get(field)
            if field in headers or value is None:
                continue
            empty = json.dumps(type(value)())
            headers[f"bt_header_input_obj_{field}"] = base64.b64encode(empty.encode()).decode("utf-8")
        headers["header_size"] = str(sys.getsizeof(headers))
        headers["total_size"] = str(get_size(synapse))
        headers["computed_body_hash"] = self.body_hash(synapse)
        return list(headers.items())


def sha3_hex(text):
    return hashlib.sha3_256(text.encode("utf-8")).hexdigest()


def body_hash(synapse, fields):
    """sha3-256 hex of the concatenated sha3-256 hex of Python str() of each hash field (sha3('') when none)."""
    return sha3_hex("".join(sha3_hex(str(synapse[f])) for f in fields))


def get_size(obj, seen=None):
    """Recursive sys.getsizeof, like bittensor's get_size (only ever cast to int by the other side)."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(get_size(v, seen) + get_size(k, seen) for k, v in obj.items())
    elif isinstance(obj, (list, tuple)):
        size += sum(get_size(v, seen) for v in obj)
    return size


def dumps(content):
    """Starlette JSONResponse rendering: compact separators, UTF-8, no NaN/Infinity."""
    return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode("utf-8")


PING = SynapseType("Synapse")
DUMMY = SynapseType(
    "Dummy",
    fields=(("dummy_input", lax_int, _MISSING), ("dummy_output", opt_int, None)),
)
# Route table in attach order: the built-in ping first, then the template's Dummy.
SYNAPSES = {"Synapse": PING, "Dummy": DUMMY}
