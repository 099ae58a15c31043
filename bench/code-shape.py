#!/usr/bin/env python3
"""Code-shape figures for the structural issue: largest class and longest method in product code, public core
methods that take or return Jackson types, lines of the DynamoDB adapters, and the `duplicates` pairs that are not
boilerplate. Run from the repository root: `python3 bench/code-shape.py`."""
import os
import re
import subprocess
import sys

PRODUCT_ROOTS = ["shared", "functions"]
CORE_MAIN = "shared/core/src/main/java"
DYNAMODB_DIR = "shared/aws/src/main/java/dev/pms/aws/dynamodb"

METHOD_HEADER = re.compile(
    r"(?:public|protected|private|static|final|synchronized|abstract|default|\s)*"
    r"(?:<[^>]*>\s*)?[\w<>\[\],.? ]+\s+(\w+)\s*\([^;{}]*\)\s*(?:throws [\w., ]+)?\s*$")
KEYWORDS = {"if", "for", "while", "switch", "catch", "synchronized", "return", "new", "else", "try", "do"}


def strip_comments_and_strings(text):
    text = re.sub(r'"""(?:.|\n)*?"""', '""', text)
    text = re.sub(r"/\*(?:.|\n)*?\*/", lambda m: "\n" * m.group(0).count("\n"), text)
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"'(?:\\.|[^'\\\n])*'", "''", text)
    return text


def java_files(roots, part="src/main/java"):
    for root in roots:
        for directory, _, names in os.walk(root):
            if part not in directory or "/target/" in directory + "/":
                continue
            for name in names:
                if name.endswith(".java"):
                    yield os.path.join(directory, name)


def methods_of(path):
    """Yields (name, length in lines) for every method or constructor body found by brace counting."""
    text = strip_comments_and_strings(open(path, encoding="utf-8").read())
    lines = text.split("\n")
    depth = 0
    pending_header = ""
    open_methods = []
    for number, line in enumerate(lines):
        candidate = (pending_header + " " + line.strip()).strip()
        for index, char in enumerate(line):
            if char == "{":
                before = (pending_header + " " + line[:index]).strip()
                header = before.split(";")[-1].split("}")[-1].strip()
                match = METHOD_HEADER.match(header) if "(" in header else None
                declares_type = re.search(r"\b(record|class|interface|enum)\s+\w+", header) is not None
                if match and match.group(1) not in KEYWORDS and "=" not in header.split("(")[0] \
                        and "->" not in header and not declares_type:
                    open_methods.append((match.group(1), number, depth))
                depth += 1
                pending_header = ""
            elif char == "}":
                depth -= 1
                if open_methods and open_methods[-1][2] == depth:
                    name, start, _ = open_methods.pop()
                    yield name, number - start + 1
        if "{" not in line and "}" not in line and not line.strip().endswith(";"):
            pending_header = candidate[-400:]
        elif line.strip().endswith(";"):
            pending_header = ""


def code_lines(path):
    text = strip_comments_and_strings(open(path, encoding="utf-8").read())
    return sum(1 for line in text.split("\n") if line.strip())


def main():
    files = list(java_files(PRODUCT_ROOTS))
    largest = max(files, key=code_lines)
    longest = ("", "", 0)
    over_fifty = 0
    for path in files:
        for name, length in methods_of(path):
            if length > 50:
                over_fifty += 1
            if length > longest[2]:
                longest = (path, name, length)
    print(f"product main files: {len(files)}")
    print(f"largest class: {largest} ({code_lines(largest)} code lines)")
    print(f"longest method: {longest[0]}#{longest[1]} ({longest[2]} lines)")
    print(f"methods over 50 lines: {over_fifty}")

    json_methods = []
    signature = re.compile(r"public\s+(?:static\s+)?(?:<[^>]*>\s*)?([\w<>\[\],.? ]+?)\s+(\w+)\s*\(([^)]*)\)")
    for path in java_files(["shared/core"]):
        text = strip_comments_and_strings(open(path, encoding="utf-8").read())
        uses_jackson = "com.fasterxml.jackson" in open(path, encoding="utf-8").read()
        for match in signature.finditer(text):
            returned, name, parameters = match.groups()
            jackson_types = re.compile(r"\b(JsonNode|ObjectNode|ArrayNode|ObjectMapper|JsonParser|TreeNode)\b")
            if uses_jackson and (jackson_types.search(parameters) or jackson_types.search(returned)):
                json_methods.append(f"{os.path.basename(path)}#{name}")
    print(f"public core methods taking or returning Jackson types: {len(json_methods)}")
    for method in sorted(json_methods):
        print(f"  {method}")

    for record in ["asset/AssetRecord", "proposal/Proposal", "campaign/Campaign"]:
        path = f"{CORE_MAIN}/dev/pms/core/{record}.java"
        text = strip_comments_and_strings(open(path, encoding="utf-8").read())
        header = re.search(r"record\s+\w+\s*\(([^{]*?)\)\s*(?:implements[^{]*)?\{", text)
        components = len([part for part in re.split(r",(?![^<]*>)", header.group(1)) if part.strip()]) if header else 0
        name = record.split("/")[1]
        copies = 0
        for path_ in java_files(PRODUCT_ROOTS):
            copies += len(re.findall(rf"new\s+{name}\s*\(", strip_comments_and_strings(open(path_).read())))
        print(f"record {name}: {components} components, `new {name}(` in product main code: {copies}")

    dynamodb = [os.path.join(DYNAMODB_DIR, name) for name in os.listdir(DYNAMODB_DIR) if name.endswith(".java")]
    total = sum(sum(1 for _ in open(path, encoding="utf-8")) for path in dynamodb)
    print(f"shared/aws dynamodb: {len(dynamodb)} files, {total} lines")

    if "--no-duplicates" not in sys.argv:
        out = subprocess.run(["duplicates", "--most", "200", "--seconds", "300"], capture_output=True, text=True)
        rows = [line for line in out.stdout.splitlines() if re.match(r"^D\d+ ", line)]
        real = [row for row in rows if "boilerplate" not in row]
        in_main = [row for row in real if "/src/test/" not in row]
        print(f"duplicates: {out.stdout.splitlines()[0] if out.stdout else '?'}; rows not boilerplate: {len(real)}, "
              f"of which neither side is test code: {len(in_main)}")
        for row in in_main:
            print(f"  {row}")


if __name__ == "__main__":
    main()
