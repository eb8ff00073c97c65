"""Forms of the reports app: the firm's brand (the consultant's page and the admin)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reports.brand import MAX_LOGO_BYTES, BrandError, accent_checked, logo_checked
from reports.models import Brand


class BrandForm(forms.ModelForm):
    """Firm name, accent colour and logo; the logo is checked (reports.brand) before it is
    kept, and a new upload replaces the old one."""

    accent = forms.CharField(
        label=_("Accent colour"), required=False,
        help_text=_("Used for the cover band, headings and rules: # and six hexadecimal "
                    "digits, e.g. #0b5cad. Leave empty for the report's own blue."),
        widget=forms.TextInput(attrs={"placeholder": "#0b5cad", "pattern": "#[0-9a-fA-F]{6}",
                                      "autocomplete": "off", "spellcheck": "false"}))
    logo_file = forms.FileField(
        label=_("Logo"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/svg+xml"}))
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)

    class Meta:
        model = Brand
        fields = ["firm_name", "accent"]
        labels = {"firm_name": _("Firm name")}
        help_texts = {"firm_name": _("Shown on the cover of your clients' reports.")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Formatted here, in the language of the request (a lazy text cannot take %).
        self.fields["logo_file"].help_text = gettext(
            "PNG or SVG, at most %(size)d kB. SVGs with scripts, event handlers or links to "
            "other files are refused.") % {"size": MAX_LOGO_BYTES // 1024}
        if not self.instance.logo:
            self.fields["remove_logo"].widget = forms.HiddenInput()  # nothing to remove

    def clean_firm_name(self) -> str:
        name = " ".join(self.cleaned_data["firm_name"].split())
        if not name:
            raise forms.ValidationError(_("Please enter the firm name."))
        return name

    def clean_accent(self) -> str:
        value = self.cleaned_data["accent"]
        if not value:
            return ""
        try:
            return accent_checked(value)
        except BrandError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean_logo_file(self):
        upload = self.cleaned_data.get("logo_file")
        if not upload:
            return None
        if upload.size > MAX_LOGO_BYTES:  # refused before it is read into memory
            raise forms.ValidationError(
                gettext("The logo is %(size)d kB; the limit is %(limit)d kB.")
                % {"size": upload.size // 1024, "limit": MAX_LOGO_BYTES // 1024})
        data = upload.read()
        try:
            return logo_checked(data).content_type, data
        except BrandError as exc:
            raise forms.ValidationError(str(exc)) from None

    def _post_clean(self) -> None:
        logo = self.cleaned_data.get("logo_file")
        if logo:
            self.instance.logo_type, self.instance.logo = logo
        elif self.cleaned_data.get("remove_logo"):
            self.instance.logo_type, self.instance.logo = "", None
        super()._post_clean()


class SiteBrandForm(BrandForm):
    """The admin's form: the same checks, and whose brand it is."""

    class Meta(BrandForm.Meta):
        fields = ["owner", "site_default", "firm_name", "accent"]
