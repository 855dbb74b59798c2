"""A lean bittensor axon for vidaio's two synapses: route, (emulated) metagraph blacklist, nonce, body hash, forward.

Wire rules: shared/docs/bittensor.md section 1 (the same pipeline as subnets/template/miner/axon.py, trimmed to what
the vidaio stand-in needs). vidaio's synapses declare no required_hash_fields, so the body hash is sha3_256('').
Nested payloads arrive as dicts; Python's own str() of them is what bittensor hashes.
"""

import hashlib
import json
import time
import uuid

from aiohttp import web

AXON_VERSION = 10002000
# Synapse name -> (nested model fields that must be dicts, required_hash_fields)
SYNAPSES = {
    "Synapse": ((), ()),
    "VideoUpscalingProtocol": (("miner_payload", "miner_response"), ()),
    "VideoCompressionProtocol": (("miner_payload", "miner_response"), ()),
}


def sha3(text):
    return hashlib.sha3_256(text.encode("utf-8")).hexdigest()


def body_hash(synapse, fields):
    return sha3("".join(sha3(str(synapse[f])) for f in fields))


def dumps(content):
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class Axon:
    def __init__(self, hotkey, forward, registered=None, log=print):
        self.hotkey = hotkey
        self.forward = forward  # async (name, synapse dict) -> synapse dict
        self.registered = registered  # None: every hotkey; a set: metagraph.hotkeys (others -> .index() ValueError)
        self.nonces = {}
        self.uuid = str(uuid.uuid1())
        self.log = log

    def routes(self):
        return [web.route("*", "/" + name, self.handle) for name in SYNAPSES]

    def error(self, status, message):
        return web.Response(status=status, body=dumps({"message": message}), content_type="application/json",
                            headers={"bt_header_axon_status_code": str(status),
                                     "bt_header_axon_status_message": message})

    async def handle(self, request):
        started = time.time()
        name = request.path.split("/")[1]
        models, hash_fields = SYNAPSES[name]
        h = request.headers
        hotkey = h.get("bt_header_dendrite_hotkey")
        if name != "Synapse" and self.registered is not None and hotkey not in self.registered:
            # vidaio's blacklist calls metagraph.hotkeys.index(hotkey) first: a ValueError, so HTTP 500 (subnets.md 2.4)
            return self.error(500, f"Internal Server Error #{uuid.uuid4()}")
        try:
            nonce = int(h.get("bt_header_dendrite_nonce", ""))
        except ValueError:
            return self.error(401, "Not Verified with error: Missing Nonce")
        key = f"{hotkey}:{h.get('bt_header_dendrite_uuid')}"
        if key in self.nonces and nonce <= self.nonces[key]:
            return self.error(401, "Not Verified with error: Nonce is too old, a newer one was last processed")
        self.nonces[key] = nonce
        try:
            synapse = json.loads(await request.read() or b"{}")
            if not isinstance(synapse, dict):
                raise ValueError("the body is not an object")
            for field in models:
                if not isinstance(synapse.get(field, {}), dict):
                    raise ValueError(f"{name}.{field}: Input should be a valid dictionary")
            expected = body_hash(synapse, hash_fields)
            if expected != h.get("computed_body_hash", ""):
                raise ValueError(f"Hash mismatch between header body hash {h.get('computed_body_hash')} and {expected}")
        except ValueError as e:
            self.log(f"POST /{name} 500 ({e})")
            return self.error(500, f"Internal Server Error #{uuid.uuid4()}")
        synapse = await self.forward(name, synapse)
        axon = synapse.get("axon") or {}
        axon.update({"status_code": 200, "status_message": "Success", "process_time": time.time() - started,
                     "hotkey": self.hotkey, "version": AXON_VERSION, "uuid": self.uuid})
        synapse["axon"] = axon
        self.log(f"POST /{name} 200 {(time.time() - started) * 1000:.0f}ms")
        return web.Response(status=200, body=dumps(synapse), content_type="application/json",
                            headers={"name": name, "bt_header_axon_status_code": "200",
                                     "computed_body_hash": body_hash(synapse, hash_fields)})
