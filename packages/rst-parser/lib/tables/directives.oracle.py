"""Dump docutils' doctrees for table directive snippets as a fixture for
directives.test.ts (`table`, `csv-table`, `list-table`, East Asian tables,
messages inside cells, option errors, files and URLs).

docutils: parsers/rst/directives/tables.py. Parsed like the conformance cases
(source "test data", halt_level 5, syntax_highlight none), in the directory of
docutils' test files (for `utf-16.csv`); settings per case as given.

    /root/.cache/rst-oracle/bin/python lib/tables/directives.oracle.py > lib/tables/directives.fixture.json
"""
import json
import os
import sys

import docutils
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

assert docutils.__version__ == '0.22.4', docutils.__version__

FILES = '/work/shared/conformance/docutils-0.22.4/files/test_directives'

CASES = {
    "utf16": ".. csv-table:: good encoding\n   :file: utf-16.csv\n   :encoding: utf-16\n   :header-rows: 1\n\n.. csv-table:: bad encoding\n   :file: utf-16.csv\n   :encoding: latin-1\n",
    "escape": ".. csv-table:: escapes\n   :escape: \\\\\n   :header: \"a\\\\\"b\", c\n\n   \"x\\\\\"y\", z\n   1\\\\,2, 3\n",
    "quote": ".. csv-table::\n   :quote: '\n   :keepspace:\n\n   'a, b',  c\n   d,' e'\n",
    "tabdelim": ".. csv-table::\n   :delim: tab\n\n   a\tb\n   c\td\n",
    "unicodedelim": ".. csv-table::\n   :delim: U+003B\n   :quote: 0x27\n\n   'a;b';c\n",
    "stub": ".. csv-table::\n   :stub-columns: 3\n\n   a, b, c\n\n.. csv-table::\n   :stub-columns: 2\n\n   a, b\n",
    "widthsauto": ".. csv-table::\n   :widths: auto\n   :width: 50em\n   :class: foo bar\n   :name: My Table\n   :align: right\n\n   a, b\n\n.. csv-table::\n   :widths: grid\n\n   a, b\n",
    "csvrst": ".. csv-table:: *emph* title\n   :header-rows: 1\n\n   \"**bold**\", \"- item 1\n   - item 2\"\n   \"``lit``\", \"para 1\n\n   para 2\"\n   \"bad *emph\", `x\n",
    "csvnested_error": ".. csv-table::\n\n   \"a\n\n   b\n   * c\", d\n   \"Title\n   =====\", e\n",
    "emptycsv": ".. csv-table::\n\n   \n",
    "listtable": ".. list-table:: Title *x*\n   :widths: 1 2\n   :header-rows: 1\n   :class: a\n   :name: lt\n   :width: 80%\n   :align: left\n\n   * - a\n     - b\n   * - c\n\n       more\n     - d\n\n.. list-table::\n   :header-rows: 2\n\n   * - a\n     - b\n\n.. list-table::\n   :header-rows: 1\n\n   * - a\n     - b\n\n.. list-table::\n\n   * - a\n     - b\n   * not a list\n",
    "listtable2": ".. list-table::\n\n   * - a\n   - b\n\n.. list-table::\n\n   * - a\n\n   Para\n\n.. list-table::\n   :widths: grid\n\n   * - a\n",
    "table": ".. table:: T\n   :widths: 1 2 3\n\n   =====  =====\n   a      b\n   =====  =====\n\n.. table::\n   :widths: 30 70\n   :align: left\n   :class: x\n   :name: tt\n\n   +-----+-----+\n   | a   | b   |\n   +=====+=====+\n   | c   | d   |\n   +-----+-----+\n\n.. table::\n\n   =====  =====\n   a      b\n   =====  =====\n\n   =====  =====\n   a      b\n   =====  =====\n\n.. table:: Malformed\n\n   =====  =====\n   a     xb\n   =====  =====\n\n.. table::\n   :align: middle\n\n   =  =\n   a  b\n   =  =\n",
    "eastasian": ".. table::\n\n   +------+------+\n   | \u4e00\u4e8c | ab   |\n   +------+------+\n   | \u4e09   | \u56db\u4e94 |\n   +------+------+\n\n=====  =====\n\u4e00\u4e8c   x\n\u4e09\u56db\u4e94 y\n=====  =====\n\n.. csv-table::\n\n   \u4e00\u4e8c, \u4e09\n",
    "csvshort": ".. csv-table::\n   :header: a, b, c, d\n\n   1, 2\n\n.. csv-table::\n   :header: a\n\n   1, 2, 3\n   4\n",
    "csvbadopts": ".. csv-table::\n   :widths: 0\n\n   a\n\n.. csv-table::\n   :quote: ab\n\n   a\n\n.. csv-table::\n   :delim: ,,\n\n   a\n\n.. csv-table::\n   :header-rows: -1\n\n   a\n",
    "csvfilemissing": ".. csv-table::\n   :file: nonexistent/x.csv\n\n.. csv-table::\n   :url: http://example.org/x.csv\n   :file: a.csv\n",
    "csvquotes": ".. csv-table::\n\n   \"a\"\"b\", \"c\"d\n   \"e\" , f\n",
    "csv_nl_in_field": ".. csv-table::\n\n   \"line 1\n   line 2\", x\n   \"\n   \", y\n",
    "csv_cell_msgs": "Para.\n\n.. csv-table:: x\n\n   \"line one\n   `bad\", \"*a\"\n   \"ok\", \"\n   * a\n    * b\"\n",
    "table_cell_msgs": "Para.\n\n.. table:: x\n\n   +--------+--------+\n   | `bad   | *a     |\n   |        |   x    |\n   +--------+--------+\n   | - a    | ok     |\n   |  - b   |        |\n   +--------+--------+\n",
    "list_table_msgs": ".. list-table:: x\n\n   * - `bad\n     - *a\n   * - ok\n     - .. unknown:: z\n",
    "nested_tables": ".. list-table::\n\n   * - .. csv-table::\n\n          a, b\n\n     - .. table:: inner\n\n          ===  ===\n          a    b\n          ===  ===\n",
    "header_rst": ".. csv-table::\n   :header: \"*x*\", \"a\n      b\"\n   :header-rows: 1\n\n   1, 2\n   3, 4\n"
}

EXTRA = [
    ('file insertion disabled', {'file_insertion_enabled': False},
     '.. csv-table::\n   :file: utf-16.csv\n   :encoding: utf-16\n\n.. csv-table::\n   :url: x\n'),
    ('root_prefix', {'root_prefix': FILES},
     '.. csv-table::\n   :file: /utf-16.csv\n   :encoding: utf-16\n'),
]

os.chdir(FILES)
records = []
for name, settings_overrides, text in (
        [(name, {}, text) for name, text in CASES.items()] + EXTRA):
    settings = get_default_settings(Parser)
    overrides = {'syntax_highlight': 'none', 'warning_stream': '', 'halt_level': 5}
    overrides.update(settings_overrides)
    for key, value in overrides.items():
        setattr(settings, key, value)
    document = new_document('test data', settings)
    Parser().parse(text, document)
    records.append({'name': name, 'settings': settings_overrides,
                    'input': text, 'expected': document.pformat()})
sys.stdout.write('[\n' + ',\n'.join(json.dumps(record, ensure_ascii=True)
                                    for record in records) + '\n]\n')
