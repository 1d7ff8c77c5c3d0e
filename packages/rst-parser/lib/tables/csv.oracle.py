"""Dump Python's csv.reader results (docutils' csv-table dialect) as a fixture
for csv-reader.test.ts.

docutils: parsers/rst/directives/tables.py `CSVTable.DocutilsDialect`,
`CSVTable.parse_csv_data_into_rows` (each line is fed as `line + '\\n'`).

    /root/.cache/rst-oracle/bin/python lib/tables/csv.oracle.py > lib/tables/csv.fixture.json
"""
import csv
import json
import random
import sys

from docutils.parsers.rst.directives.tables import CSVTable

records = []


def run(lines, options):
    record = {'lines': lines, 'options': options}
    try:
        dialect = CSVTable.DocutilsDialect(options)
        record['rows'] = [row for row in
                          csv.reader((line + '\n' for line in lines), dialect=dialect)]
    except csv.Error as error:
        record['error'] = str(error)
    records.append(record)


FIXED = [
    (['"Treat", "Quantity", "Description"', '"Albatross", 2.99, "On a stick!"'], {}),
    (['"Crunchy Frog", 1.49, "If we took the bones out, it wouldn\'t be', 'crunchy, now would it?"'], {}),
    (['"bad", "csv, data'], {}),
    (['"a"b, c'], {}),
    (['"a" , c'], {}),
    (['a  b   c'], {'delim': ' '}),
    (['"Albatross" 2.99 "On a stick!"'], {'delim': ' '}),
    (['a\tb\t\tc'], {'delim': '\t'}),
    (['some\\csv\\data'], {'delim': '\\'}),
    (['a, b,  c'], {'keepspace': None}),
    (["'a,b', c"], {'quote': "'"}),
    (['a\\,b, "c\\"d", e\\'], {'escape': '\\'}),
    (['a\\', 'b'], {'escape': '\\'}),
    (['"a\\', 'b"'], {'escape': '\\'}),
    (['', 'a', '', 'b,'], {}),
    ([',,', ' , ,'], {}),
    (['"a""b", "c"""'], {}),
    (['a"b, c'], {}),
    (['\u00e9\u4e00, \U0001F600'], {}),
    (['a;b'], {'delim': ';', 'quote': '|'}),
    (['"multi', '', 'line"'], {}),
    (['x', '"'], {}),
]
for lines, options in FIXED:
    run(lines, options)

rng = random.Random(1234)
alphabet = ['a', 'b', ' ', ',', '"', '\\', "'", ';', '\t', '\u00e9']
option_choices = [{}, {}, {'delim': ' '}, {'delim': ';'}, {'keepspace': None},
                  {'quote': "'"}, {'escape': '\\'}, {'escape': '\\', 'delim': ' '},
                  {'delim': '\t', 'keepspace': None}, {'quote': "'", 'escape': '"'}]
for _ in range(400):
    lines = [''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
             for _ in range(rng.randint(1, 4))]
    run(lines, rng.choice(option_choices))

sys.stdout.write('[\n' + ',\n'.join(json.dumps(record, ensure_ascii=True)
                                    for record in records) + '\n]\n')
