"""Writes sample.jsonl: 240 seeded chat and completion requests in the captured-queries format, with reference answers.

Arrivals follow SN1-style load on one miner (exponential gaps, mean 2.5 s); 90% streamed chat, 10% whole completions.
Run: python3 make-sample.py > sample.jsonl
"""

import json
import random

rng = random.Random(20260601)
WORDS = "the miner streams tokens back to the validator which scores every answer against its reference text".split()
t = 0.0
for i in range(240):
    t += rng.expovariate(1 / 2.5)
    if rng.random() < 0.5:
        a, b = rng.randint(-999, 9999), rng.randint(0, 9999)
        prompt, reference = f"What is {a} plus {b}?", str(a + b)
    else:
        reference = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40)))
        prompt = f"Repeat after me: {reference}"
    if rng.random() < 0.9:
        path = "/v1/chat/completions"
        body = {"model": "minerbench/echo-1", "stream": True, "max_tokens": 256, "temperature": 0.0, "seed": i,
                "messages": [{"role": "system", "content": "You are a helpful assistant."}, {"role": "user", "content": prompt}]}
    else:
        path = "/v1/completions"
        body = {"model": "minerbench/echo-1", "stream": False, "max_tokens": 256, "temperature": 0.0, "seed": i, "prompt": prompt}
    print(json.dumps({"t": round(t, 3), "synapse": path, "body": body, "timeout": 20, "reference": reference}))
