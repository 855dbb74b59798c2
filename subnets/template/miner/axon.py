"""The axon: an aiohttp app that runs bittensor's request pipeline (preprocess, blacklist, verify, priority, forward)."""

import asyncio
import email.message
import json
import os
import time
import uuid

from aiohttp import web

import synapse as syn_mod
from ss58 import is_ss58
from synapse import SYNAPSES, dumps, new_terminal
from verify import NonceVerifier, VerifyError

AXON_VERSION = 10002000  # version_as_int of bittensor 10.2.0, sent as bt_header_axon_version
SIGNATURE_PLACEHOLDER = "0x" + "00" * 64  # bittensor signs its own view with the wallet; no sr25519 here
SYNAPSE_EXCEPTION_CODES = {"unknown": 404, "blacklisted": 403, "not_verified": 401}


class PipelineError(Exception):
    """Ends the pipeline with bittensor's error response. kind: unknown | blacklisted | not_verified | internal."""

    def __init__(self, kind, message, synapse):
        super().__init__(message)
        self.kind = kind
        self.synapse = synapse


class Axon:
    def __init__(self, hotkey, forward, allowed_hotkeys=(), crash_after=0, log=print):
        self.hotkey = hotkey
        self.forward = forward  # async (route name, body synapse) -> synapse
        self.crash_after = crash_after  # exit(3) once this many Dummy forwards were answered; 0 = never
        self.dummy_forwards = 0
        self.crashing = False
        self.allowed = frozenset(allowed_hotkeys)
        self.uuid = str(uuid.uuid1())
        self.verifier = NonceVerifier(hotkey)
        self.log = log

    def app(self):
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self.handle)
        return app

    async def handle(self, request):
        if self.crashing:  # MINER_CRASH_AFTER reached: the process is about to exit; answer nothing more
            await asyncio.sleep(3600)
        started = time.time()
        response, note = await self.dispatch(request, started)
        response.headers["server"] = "uvicorn"
        ms = (time.time() - started) * 1000
        self.log(f"{request.method} {request.path} {response.status} {ms:.2f}ms{note}")
        if note == CRASH:
            await response.prepare(request)
            await response.write_eof()
            await asyncio.sleep(0.05)  # let the kernel take the last bytes
            self.log(f"MINER_CRASH_AFTER={self.crash_after} reached: exiting with code 3")
            os._exit(3)
        return response

    async def dispatch(self, request, started):
        synapse = None
        try:
            request_name = request.path.split("/")[1]
            stype = SYNAPSES.get(request_name)
            if stype is None:
                raise PipelineError(
                    "unknown",
                    f"Synapse name '{request_name}' not found. Available synapses {list(SYNAPSES.keys())}",
                    None,
                )
            synapse = self.preprocess(request, stype, request_name)
            self.blacklist(stype, synapse)
            self.verify(synapse)
            # priority: the template ranks by metagraph stake; without a chain there is nothing to rank.
            return await self.run(request, stype, synapse)
        except PipelineError as e:
            synapse = e.synapse or synapse
            return self.error_response(synapse, e.kind, str(e), started)
        except Exception as e:  # anything else (header parse, body hash, body validation, forward) is a 500
            return self.error_response(synapse, "internal", f"{type(e).__name__}: {e}", started)

    def preprocess(self, request, stype, request_name):
        headers = [(k.lower(), v) for k, v in request.headers.items()]
        synapse = stype.from_headers(headers)  # failure -> 500 with a fresh Synapse
        synapse["name"] = request_name
        synapse["axon"].update(
            {"version": AXON_VERSION, "uuid": self.uuid, "nonce": time.time_ns(), "status_code": 100,
             "signature": SIGNATURE_PLACEHOLDER}
        )
        peer = request.transport.get_extra_info("peername") if request.transport else None
        if peer:
            synapse["dendrite"].update({"ip": str(peer[0]), "port": int(peer[1])})
        return synapse

    def blacklist(self, stype, synapse):
        if stype.name != "Dummy":  # the built-in ping has no blacklist
            return
        hotkey = synapse["dendrite"]["hotkey"]
        reason = None
        if hotkey is None:
            reason = "Missing dendrite or hotkey"
        elif not is_ss58(hotkey) or (self.allowed and hotkey not in self.allowed):
            reason = "Unrecognized hotkey"
        if reason:
            synapse["axon"]["status_code"] = 403
            raise PipelineError("blacklisted", f"Forbidden. Key is blacklisted: {reason}.", synapse)

    def verify(self, synapse):
        try:
            self.verifier.verify(synapse)
        except VerifyError as e:
            synapse["axon"]["status_code"] = 401
            raise PipelineError("not_verified", f"Not Verified with error: {e}", synapse) from e

    async def run(self, request, stype, synapse):
        """FastAPI's part: route match, body read, verify_body_integrity, body binding, forward, response."""
        route = "/" + stype.name
        if request.path != route:
            if request.path.endswith("/") and request.path.rstrip("/") == route:
                target = request.url.with_path(route)
                if request.query_string:
                    target = target.with_query(request.query_string)
                location = str(target)
                return web.Response(status=307, headers={"location": location}), ""
            return json_response(404, {"detail": "Not Found"}), ""
        if request.method not in ("GET", "POST"):
            return json_response(405, {"detail": "Method Not Allowed"}, [("allow", "GET, POST")]), ""
        raw = await request.read()
        parsed, early = parse_body(raw, request.headers.get("content-type"))
        if early is not None:
            return early, ""
        # verify_body_integrity: rebuild the synapse from the body and compare the hash with the header.
        body_synapse = stype.validate(json.loads(raw.decode()))
        expected = stype.body_hash(body_synapse)
        got = request.headers.get("computed_body_hash", "")
        if expected != got:
            raise ValueError(f"Hash mismatch between header body hash {got} and parsed body hash {expected}")
        if parsed is _NOT_JSON:
            return json_response(422, {"detail": [{
                "type": "model_attributes_type", "loc": ["body"],
                "msg": "Input should be a valid dictionary or object to extract fields from",
                "input": raw.decode("utf-8", "replace")}]}), ""
        forward_started = time.time()
        result = await self.forward(stype.name, body_synapse)
        response = self.success_response(stype, result, forward_started)
        if stype.name == "Dummy" and self.crash_after:
            self.dummy_forwards += 1
            if self.dummy_forwards >= self.crash_after:
                self.crashing = True
                return response, CRASH
        return response, ""

    def success_response(self, stype, synapse, started):
        if synapse["axon"] is None:
            synapse["axon"] = new_terminal()
        axon = synapse["axon"]
        if axon["status_code"] is None:
            axon["status_code"] = 200
        if axon["status_code"] == 200 and not axon["status_message"]:
            axon["status_message"] = "Success"
        axon["process_time"] = time.time() - started
        body = dumps(synapse)
        return raw_response(axon["status_code"], body, stype.to_headers(synapse))

    def error_response(self, synapse, kind, message, started):
        """log_and_handle_error + create_error_response: {"message": ...} and the synapse's headers."""
        stype = SYNAPSES.get(synapse["name"]) if synapse else None
        if synapse is None or stype is None:
            stype, synapse = syn_mod.PING, syn_mod.PING.validate({})
        if synapse["axon"] is None:
            synapse["axon"] = new_terminal()
        axon = synapse["axon"]
        code = axon["status_code"] if axon["status_code"] != 100 else None
        status_message = axon["status_message"]
        if kind in SYNAPSE_EXCEPTION_CODES:
            code = code or SYNAPSE_EXCEPTION_CODES[kind]
            status_message = status_message or message
            note = status_message
        else:
            error_id = uuid.uuid4()
            code = code or 500
            status_message = status_message or f"Internal Server Error #{error_id}"
            note = f"{status_message} ({message.splitlines()[0] if message else 'error'})"
        axon.update({"status_code": code, "status_message": status_message,
                     "process_time": float(str(time.time() - started))})
        response = raw_response(code, dumps({"message": status_message}), stype.to_headers(synapse))
        return response, f" {note}"


_NOT_JSON = object()
CRASH = " (crash)"


def parse_body(raw, content_type):
    """FastAPI's body read for a model parameter: JSON when the content type says so (or is absent)."""
    if not raw:
        return None, None
    if content_type:
        msg = email.message.Message()
        msg["content-type"] = content_type
        subtype = msg.get_content_subtype()
        if msg.get_content_maintype() != "application" or not (subtype == "json" or subtype.endswith("+json")):
            return _NOT_JSON, None
    try:
        return json.loads(raw), None
    except json.JSONDecodeError as e:
        detail = [{"type": "json_invalid", "loc": ["body", e.pos], "msg": "JSON decode error",
                   "input": {}, "ctx": {"error": e.msg}}]
        return None, json_response(422, {"detail": detail})
    except Exception:
        return None, json_response(400, {"detail": "There was an error parsing the body"})


def json_response(status, content, headers=()):
    return raw_response(status, dumps(content), list(headers))


def raw_response(status, body, headers):
    if not 100 <= int(status) <= 599:
        raise ValueError(f"invalid HTTP status {status}")
    for name, value in headers:
        if any(c in value for c in "\r\n\x00"):
            raise ValueError(f"header {name} holds a control character")
    response = web.Response(status=int(status), body=body)
    response.headers["content-type"] = "application/json"
    for name, value in headers:
        response.headers[name] = value
    return response


async def template_forward(name, synapse, delay_s=0.0):
    """The template miner's forward: Dummy doubles its input; the ping echoes the synapse."""
    if name == "Dummy":
        if delay_s > 0:
            await asyncio.sleep(delay_s)
        synapse["dummy_output"] = synapse["dummy_input"] * 2
    return synapse
