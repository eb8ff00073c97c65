"""The product's date formats, over Django's own (``FORMAT_MODULE_PATH``).

English reads "1 December 2026" and "1 Dec 2026" (never the ambiguous
"12/01/2026"); Italian reads "1 dicembre 2026". Django's Italian catalogue
capitalises month names ("Dicembre"); the product's catalogue (locale/it)
gives them in lower case, as Italian writes them. They are listed here so that
``makemessages`` keeps them in that catalogue.
"""

from django.utils.translation import gettext_noop

MONTHS = (
    gettext_noop("January"), gettext_noop("February"), gettext_noop("March"),
    gettext_noop("April"), gettext_noop("May"), gettext_noop("June"), gettext_noop("July"),
    gettext_noop("August"), gettext_noop("September"), gettext_noop("October"),
    gettext_noop("November"), gettext_noop("December"),
)
