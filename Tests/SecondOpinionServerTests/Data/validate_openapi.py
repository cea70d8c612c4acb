"""Checks recorded HTTP exchanges against the OpenAPI 3.1 document, and the document's Turn
schema against the wire keys of the code.

usage: validate_openapi.py OPENAPI.yaml EXCHANGES.json WIRE_KEYS OPTIONAL_WIRE_KEYS

EXCHANGES.json is a list of {"method", "path" (the template, e.g. /v1/sessions/{id}), "status",
"contentType", "body" (parsed JSON, or a string for text bodies, or null)}. Prints
"validated N responses" and exits 0, or prints every problem and exits 1.
"""
import json
import sys

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012


def pointer(*parts):
    return "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def main():
    spec_path, exchanges_path, wire_keys, optional_keys = sys.argv[1:5]
    spec = yaml.safe_load(open(spec_path, encoding="utf-8"))
    exchanges = json.load(open(exchanges_path, encoding="utf-8"))
    registry = Registry().with_resource("urn:openapi", Resource(contents=spec, specification=DRAFT202012))
    problems = []

    Draft202012Validator.check_schema({"$ref": "urn:openapi#/components/schemas/Turn"})
    turn = spec["components"]["schemas"]["Turn"]
    keys = set(wire_keys.split(","))
    optional = set(optional_keys.split(","))
    if set(turn["properties"]) != keys:
        problems.append(f"Turn schema properties {sorted(turn['properties'])} != wire keys {sorted(keys)}")
    if set(turn["required"]) != keys - optional:
        problems.append(f"Turn schema required {sorted(turn['required'])} != always-present wire keys {sorted(keys - optional)}")

    for number, exchange in enumerate(exchanges, 1):
        where = f"#{number} {exchange['method']} {exchange['path']} -> {exchange['status']}"
        operation = spec["paths"].get(exchange["path"], {}).get(exchange["method"].lower())
        if operation is None:
            problems.append(f"{where}: no such operation in the document")
            continue
        status = str(exchange["status"])
        response = operation["responses"].get(status)
        if response is None:
            problems.append(f"{where}: status {status} is not documented")
            continue
        base = ["paths", exchange["path"], exchange["method"].lower(), "responses", status]
        if "$ref" in response:
            name = response["$ref"].split("/")[-1]
            response = spec["components"]["responses"][name]
            base = ["components", "responses", name]
        content = response.get("content")
        if content is None:
            if exchange["body"] not in (None, ""):
                problems.append(f"{where}: documented without a body, but one was sent")
            continue
        media = (exchange["contentType"] or "").split(";")[0].strip()
        if media not in content:
            problems.append(f"{where}: content type {media!r} is not documented ({sorted(content)})")
            continue
        schema = {"$ref": "urn:openapi#/" + pointer(*base, "content", media, "schema")}
        validator = Draft202012Validator(schema, registry=registry)
        for error in validator.iter_errors(exchange["body"]):
            problems.append(f"{where}: {'/'.join(map(str, error.absolute_path)) or '(body)'}: {error.message}")

    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"validated {len(exchanges)} responses")


main()
