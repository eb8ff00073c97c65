DATE_FORMAT = "j F Y"  # 1 dicembre 2026
DATETIME_FORMAT = "j F Y, H:i"  # 1 dicembre 2026, 14:30
SHORT_DATE_FORMAT = "d/m/Y"  # 01/12/2026
SHORT_DATETIME_FORMAT = "d/m/Y H:i"  # 01/12/2026 14:30
MONTH_DAY_FORMAT = "j F"  # 1 dicembre
YEAR_MONTH_FORMAT = "F Y"  # dicembre 2026
