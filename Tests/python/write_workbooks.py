"""Write the shipped panel as .xlsx workbooks with openpyxl (an independent writer), for the
spreadsheet-input tests: long.xlsx (district,year,element,score), wide.xlsx (one row per
snapshot, one column per element, on a sheet named "Ratings" after a "Notes" sheet), and
bad.xlsx (wide, with the score in cell C17 set to 9).
Usage: python3 write_workbooks.py PANEL.csv OUT_DIR"""
import csv
import sys

import openpyxl


def number(x):
    return int(x) if x.isdigit() else x


def main(panel, out):
    rows = list(csv.reader(open(panel, newline="")))
    long = openpyxl.Workbook()
    for r in rows:
        long.active.append([number(x) for x in r])
    long.save(f"{out}/long.xlsx")

    elements, snapshots = [], {}
    for district, year, element, score in rows[1:]:
        if element not in elements:
            elements.append(element)
        snapshots.setdefault((district, year), {})[element] = score
    wide = openpyxl.Workbook()
    wide.active.title = "Notes"
    wide.active.append(["Ratings are on the next sheet."])
    sheet = wide.create_sheet("Ratings")
    sheet.append(["district", "year"] + elements)
    for (district, year), scores in snapshots.items():
        sheet.append([district, int(year)] + [number(scores[e]) if e in scores else None for e in elements])
    wide.save(f"{out}/wide.xlsx")
    sheet["C17"] = 9
    wide.save(f"{out}/bad.xlsx")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
