"""Checks every file of a dialog bundle against the JSON Schema its "$schema" names.

Usage: python3 check_schemas.py DIALOGS_DIR
Prints one line per problem ("file: path: message") and exits 1 when there is any.
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

root = pathlib.Path(sys.argv[1])
schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (root / "schemas").glob("*.schema.json")}
registry = Registry().with_resources(
    (name, Resource.from_contents(schema)) for name, schema in schemas.items()
)
problems = []
checked = 0
for path in sorted(root.rglob("*.json")):
    relative = path.relative_to(root)
    if relative.parts[0] == "schemas":
        continue
    document = json.loads(path.read_text(encoding="utf-8"))
    reference = document.get("$schema")
    if not reference:
        problems.append(f"{relative}: has no $schema")
        continue
    name = pathlib.PurePosixPath(reference).name
    if name not in schemas:
        problems.append(f"{relative}: $schema names unknown schema {reference}")
        continue
    validator = Draft202012Validator(schemas[name], registry=registry)
    for error in validator.iter_errors(document):
        location = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        problems.append(f"{relative}: {location}: {error.message}")
    checked += 1
for problem in problems:
    print(problem)
print(f"checked {checked} files, {len(problems)} problems")
sys.exit(1 if problems or checked == 0 else 0)
