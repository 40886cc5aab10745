"""The memory of first answers (calculators.render.page.remember_first_answers) is found by
the exact text of a request: the texts it keeps must be those the page's JavaScript writes.
Here JavaScript writes them (Node.js; the rest of these tests: tests/calculators/
test_first_answers.py, which also run inside Pyodide)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from calculators.render import page

CALCULATORS = ("verdeelsleutel", "spreiding", "solidariteit", "ingroeipad")

# What rekenhulp.js sends, written by JavaScript itself: the example as the worker's answer
# to "default" brings it, in {calculator, action, scenario} (Calculator.start, recompute).
STRINGIFY = """
const defaults = JSON.parse(process.argv[1]);
const texts = {};
for (const [calculator, answer] of Object.entries(defaults)) {
  const scenario = structuredClone(JSON.parse(answer).scenario);
  texts[calculator] = [
    JSON.stringify({ calculator, action: "describe" }),
    JSON.stringify({ calculator, action: "default" }),
    JSON.stringify({ calculator, action: "compute", scenario }),
  ];
}
console.log(JSON.stringify(texts));
"""


def test_the_texts_are_what_the_pages_javascript_sends():
    node = shutil.which("node")
    if not node:
        pytest.fail("Node.js ontbreekt: installeer Node.js 20 of nieuwer.")
    defaults = {
        name: page.handle_page(json.dumps({"calculator": name, "action": "default"}), None, True)
        for name in CALCULATORS
    }
    completed = subprocess.run(
        [node, "-e", STRINGIFY, json.dumps(defaults)], capture_output=True, text=True, check=True
    )
    from_javascript = json.loads(completed.stdout)
    assert {name: page.first_requests(name) for name in CALCULATORS} == from_javascript
