"""The KPI page's formset: one row per KPI of the plan, values checked against its scale."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from reports.document.kpi_targets import TargetRule, value_error


class KpiRecordForm(forms.Form):
    """One KPI: its measured baseline and, optionally, the target agreed with the company."""

    code = forms.CharField(max_length=40, widget=forms.HiddenInput)
    baseline = forms.DecimalField(label=_("Baseline"), required=False, max_digits=12,
                                  decimal_places=2, localize=True)
    target = forms.DecimalField(label=_("Target"), required=False, max_digits=12,
                                decimal_places=2, localize=True)

    def __init__(self, *args, rules: dict[str, TargetRule] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.rules = rules or {}

    def clean(self):
        data = super().clean()
        rule = self.rules.get(data.get("code") or "")
        if rule is None:
            raise forms.ValidationError(_("This KPI is not in the plan any more."))
        for name in ("baseline", "target"):
            value = data.get(name)
            error = None if value is None else value_error(rule, float(value))
            if error:
                self.add_error(name, error)
        if data.get("target") is not None and data.get("baseline") is None \
                and "baseline" not in self.errors:
            self.add_error("baseline", _("Enter the baseline the target starts from."))
        return data


KpiRecordFormSet = forms.formset_factory(KpiRecordForm, extra=0, max_num=100, validate_max=True)
