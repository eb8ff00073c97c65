"""Forms of the workshop pages: invitations and offline imports (input checking only)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from assessment.choices import Role


class ParticipantForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=[("", "—"), *Role.choices])


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))

    def clean_file(self):
        file = self.cleaned_data["file"]
        if not file.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Please upload a .csv or .xlsx file."))
        # Checked before the file is read (IMPORT_MAX_BYTES).
        if file.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than %(n)s MB.") % {
                "n": round(settings.IMPORT_MAX_BYTES / 1024 / 1024, 1)})
        return file
