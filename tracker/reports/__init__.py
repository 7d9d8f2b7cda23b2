"""Files in and out (PDF with reportlab, Excel with openpyxl). Plain data only: no Qt, no SQL."""
