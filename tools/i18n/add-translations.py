#!/usr/bin/env python3
"""Adds or updates Malayalam translations in a .resx file.

Usage: tools/i18n/add-translations.py path/to/X.ml.resx translations.tsv
The TSV has one line per string: the English text (the key used in the code), a tab, the Malayalam text.
The resx is written sorted by key so diffs stay small. English needs no resx: the key is the English text.
"""
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''


def read(path):
    try:
        tree = ET.parse(path)
    except FileNotFoundError:
        return {}
    return {d.get('name'): (d.find('value').text or '') for d in tree.getroot().findall('data')}


def write(path, entries):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEADER)
        for key in sorted(entries):
            f.write(f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(entries[key])}</value></data>\n')
        f.write('</root>\n')


def main():
    resx, tsv = sys.argv[1], sys.argv[2]
    entries = read(resx)
    with open(tsv, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            key, value = line.split('\t', 1)
            entries[key] = value
    write(resx, entries)


if __name__ == '__main__':
    main()
