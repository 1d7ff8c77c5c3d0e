#!/usr/bin/env python3
"""Dump docutils 0.22.4's parser doctree as JSON in rstmdx's RstNode shape.

Test-only (used by make-trees.ts): {type, attributes, children} / {type:'text', value}.
Attribute values as docutils holds them (lists stay lists, ints stay ints,
booleans as 1/0 like pformat); `line` of elements that know it becomes a
unist `position` (column 1), so diagnostics have places.
Usage: dump-tree.py [--settings JSON] FILE|-
"""
import json
import sys

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document


def convert(node):
    if isinstance(node, nodes.Text):
        return {'type': 'text', 'value': str(node)}
    attributes = {}
    for key, value in node.attributes.items():
        if key in nodes.Element.list_attributes and not value:
            continue
        if value is None:
            continue
        if isinstance(value, bool):
            value = 1 if value else 0
        elif isinstance(value, (list, tuple)):
            value = [v if isinstance(v, (int, str)) else str(v) for v in value]
        elif not isinstance(value, (int, str)):
            value = str(value)
        attributes[key] = value
    result = {'type': node.tagname, 'attributes': attributes,
              'children': [convert(child) for child in node.children]}
    if getattr(node, 'line', None):
        result['position'] = {'start': {'line': node.line, 'column': 1},
                              'end': {'line': node.line, 'column': 1}}
    return result


def main(argv):
    overrides = {'syntax_highlight': 'none', 'warning_stream': '', 'halt_level': 5}
    if '--settings' in argv:
        i = argv.index('--settings')
        overrides.update(json.loads(argv[i + 1]))
        del argv[i:i + 2]
    path = argv[0] if argv else '-'
    text = sys.stdin.read() if path == '-' else open(path, encoding='utf-8').read()
    settings = get_default_settings(Parser)
    for key, value in overrides.items():
        setattr(settings, key, value)
    doc = new_document(path if path != '-' else 'test data', settings)
    Parser().parse(text, doc)
    json.dump(convert(doc), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
