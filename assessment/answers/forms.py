"""The answer history's filter form."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HistoryFilterForm(forms.Form):
    """The answer history's filters: one person, one question (by code); empty for all."""

    who = forms.TypedChoiceField(label=_("Who"), coerce=int, required=False, empty_value=None)
    question = forms.CharField(label=_("Question code"), max_length=16, required=False)

    def __init__(self, data, *, people: list[tuple[int, str]]):
        super().__init__(data)
        self.fields["who"].choices = [("", _("Everyone")), *people]

    def clean_question(self) -> str:
        return self.cleaned_data["question"].strip().upper()
