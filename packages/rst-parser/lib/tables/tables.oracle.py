"""Dump docutils' table parser results as a JSON fixture for table-parser.test.ts.

docutils: parsers/rst/tableparser.py `GridTableParser`, `SimpleTableParser`.

Two sources of table blocks:

1. Every block docutils' own state machine hands to the parsers while parsing
   the conformance cases (`test_tables`, `test_directives/test_tables`) and the
   docutils-docs corpus: `TableParser.parse` is wrapped to record its input
   (already isolated, stripped and padded for East Asian width, as in docutils).
2. Hand-written snippets below (mostly malformed), passed to the parsers directly.

Run with the oracle python (docutils 0.22.4):

    /root/.cache/rst-oracle/bin/python lib/tables/tables.oracle.py > lib/tables/tables.fixture.json
"""
import glob
import json
import os
import random
import sys

import docutils
from docutils.core import publish_doctree
from docutils.parsers.rst import tableparser
from docutils.statemachine import StringList

assert docutils.__version__ == '0.22.4', docutils.__version__

SHARED = '/work/shared'
records = []
current_source = ['']
original_parse = tableparser.TableParser.parse


def run(kind, block, source):
    """Run the parser on `block` (a StringList) and return a JSON record."""
    parser = (tableparser.GridTableParser if kind == 'grid'
              else tableparser.SimpleTableParser)()
    record = {'source': source, 'kind': kind, 'block': list(block.data)}
    try:
        colwidths, headrows, bodyrows = original_parse(parser, block)
    except tableparser.TableMarkupError as error:
        record['error'] = {'message': ' '.join(error.args),
                           'offset': error.offset}
    except AssertionError as error:
        record['assertion'] = str(error)
    except Exception as error:  # noqa: BLE001 -- docutils itself crashes
        record['crash'] = repr(error)
    else:
        def cell(item):
            if item is None:
                return None
            morerows, morecols, offset, lines = item
            return [morerows, morecols, offset, list(lines)]
        record['result'] = [colwidths,
                            [[cell(c) for c in row] for row in headrows],
                            [[cell(c) for c in row] for row in bodyrows]]
    return record




def recording_parse(self, block):
    kind = 'grid' if isinstance(self, tableparser.GridTableParser) else 'simple'
    records.append(run(kind, block[:], current_source[0]))
    return original_parse(self, block)


tableparser.TableParser.parse = recording_parse

settings = {'halt_level': 5, 'report_level': 5, 'warning_stream': '',
            'file_insertion_enabled': False}

with open(os.path.join(SHARED, 'conformance/docutils-0.22.4/cases.json')) as f:
    cases = json.load(f)
for case in cases:
    if case['id'].split('#')[0] in ('test_tables', 'test_directives/test_tables'):
        current_source[0] = case['id']
        publish_doctree(case['input'], settings_overrides=settings)

for path in sorted(glob.glob(os.path.join(SHARED, 'corpus/docutils-docs/**/*.rst'),
                             recursive=True)):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    current_source[0] = os.path.relpath(path, SHARED)
    try:
        publish_doctree(text, settings_overrides=settings)
    except Exception:  # noqa: BLE001 -- a corpus file docutils cannot parse
        pass

tableparser.TableParser.parse = original_parse

# Hand-written blocks (no isolation step: given exactly as the parser sees them).
GRID = [
    # basic, spans
    ['+---+---+', '| a | b |', '+---+---+'],
    ['+---+---+', '| a | b |', '+===+===+', '| c | d |', '+---+---+'],
    ['+---+---+', '| spans |', '+---+---+', '| c | d |', '+---+---+'],
    ['+-------+---+', '| a     | b |', '+---+---+   |', '| c | d |   |', '+---+---+---+'],
    ['+---+---+---+', '| a | b | c |', '+   +---+---+', '| a | d | e |', '+---+---+---+'],
    # malformed: incomplete parse, broken corners, multiple separators
    ['+---+---+', '| a | b |', '+---+   +', '| c | d |', '+---+---+'],
    ['+---+---+', '| a | b |', '+---+-- +', '| c | d |', '+---+---+'],
    ['+---+---+', '| a | b |', '+===+===+', '| c | d |', '+===+===+', '| e | f |', '+---+---+'],
    ['+---+---+', '| a   b |', '+---+---+'],
    ['+---+---+', '| a x b |', '+---+---+'],
    ['+---+---+', '| a | b |', '+---+---+', '| c | d |', '+=======+'],
    ['+---+---+', '+===+===+', '| c | d |', '+---+---+'],
    ['+-----+', '|  a  |', '|   b |', '|     |', '+-----+'],
    ['+-----+', '|     |', '+-----+'],
    ['+--+--+--+', '|a |b |c |', '+--+  +--+', '|d |  |e |', '+--+--+--+'],
    ['+---+---+', '| a | b |', '+---+---+', '|   c   |', '+---+---+'],
    # combining characters and wide characters (padded as docutils does)
    ['+-----+', '| t\u0306ab |', '+-----+'],
    ['+------+', '| \u4e00\x00\u4e8c\x00 |', '+------+'],
    ['+-----+-----+', '| a\u0301   | \U0001F600\x00  |', '+-----+-----+'],
]
SIMPLE = [
    ['=====  =====', 'a      b', '=====  ====='],
    ['=====  =====', 'col 1  col 2', '=====  =====', '1      x', '2      y', '=====  ====='],
    ['=====  =====', 'a      b', '', 'c      d', '=====  ====='],
    ['=====  =====', '', 'a      b', '', '', '       c', 'd', '=====  ====='],
    ['=====  =====', 'a      b overflowing text', '=====  ====='],
    ['=====  =====  ====', 'a      b      c', '------------  ----', 'span          c', '=====  =====  ===='],
    ['=====  =====', 'a      b', '-----  ----', '=====  ====='],
    ['=====  =====', 'a      b', '------', '=====  ====='],
    ['=====  =====', 'a     xb', '=====  ====='],
    ['=====  =====', 'a      b', '=====  =====', '=====  =====', 'c      d', '=====  ====='],
    ['=====  =====', 'a      b', '=====  =====', '=====  ====='],
    ['=====  =====', 'a      b', '=====  =====', '', '=====  ====='],
    ['=====  =====', '  a      b', '   x', '=====  ====='],
    ['===  ===  ===', 'a    b    c', '--------  ---', '=========  ==='],
    ['===  ===  ===', 'a    b    c', '---  --------', '===  ===  ==='],
    ['===  ===  ===', 'a    b    c', '---  ---  -----', '===  ===  ==='],
    ['=====  =====', '\u4e00\x00\u4e8c\x00   b', '=====  ====='],
    ['=====  =====', 't\u0306ab   b\u0301\u0301', '=====  ====='],
    ['=====  =====', 'a      b', '', '       continuation', '=====  ====='],
    ['=  =', '1  2', '=  ='],
    ['==  ==', 'a', '  b  c', '==  =='],
    ['=====  =====', 'a      b', '----- ------', '=====  ====='],
]
for index, lines in enumerate(GRID):
    records.append(run('grid', StringList(lines, 'grid-snippets'), 'grid#%d' % index))
for index, lines in enumerate(SIMPLE):
    records.append(run('simple', StringList(lines, 'simple-snippets'), 'simple#%d' % index))

# Seeded random blocks, shaped like what the isolate functions let through.
rng = random.Random(20250922)
for index in range(150):
    width = rng.randint(5, 14)
    height = rng.randint(3, 8)
    top = '+' + ''.join(rng.choice('--+') for _ in range(width - 2)) + '+'
    lines = [top]
    for _ in range(height - 2):
        kind = rng.random()
        if kind < 0.35:
            fill, edge = '--+', '+'
        elif kind < 0.45:
            fill, edge = '==+', '+'
        else:
            fill, edge = '  x|', '|'
        lines.append(rng.choice('+|') + ''.join(rng.choice(fill) for _ in range(width - 2)) + edge)
    lines.append(top)
    records.append(run('grid', StringList(lines, 'grid-random'), 'grid-random#%d' % index))
for index in range(150):
    columns = rng.randint(1, 4)
    border = '  '.join('=' * rng.randint(1, 4) for _ in range(columns))
    lines = [border]
    for _ in range(rng.randint(1, 6)):
        kind = rng.random()
        if kind < 0.15:
            lines.append(''.join('-' if c == '=' else ' ' for c in border).rstrip()
                         if rng.random() < 0.5 else
                         ''.join(rng.choice('- ') for _ in border).strip() or '-')
        elif kind < 0.25:
            lines.append(border)
        elif kind < 0.35:
            lines.append('')
        else:
            lines.append(''.join(rng.choice('ab  ') for _ in range(len(border) + rng.randint(-3, 3))).rstrip())
    lines.append(border)
    if not lines[1].strip():
        lines[1] = 'x'
    records.append(run('simple', StringList(lines, 'simple-random'), 'simple-random#%d' % index))

sys.stdout.write('[\n' + ',\n'.join(json.dumps(record, ensure_ascii=True)
                                    for record in records) + '\n]\n')
