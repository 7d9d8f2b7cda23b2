"""设置: office particulars, letter defaults and holidays of years without data."""
