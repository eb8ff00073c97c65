"""Forms of the roadmap editor: where an action sits in the plan, additions and edits."""

from django import forms
from django.utils.translation import gettext_lazy as _


class _PlanFields(forms.Form):
    """Where an action sits in the plan: phase (choices from the roadmap), owner, due date."""

    phase = forms.ChoiceField(label=_("Phase"), choices=[])
    owner = forms.CharField(label=_("Owner"), max_length=80, required=False)
    due = forms.DateField(label=_("Due date"), required=False,
                          widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, phases=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].choices = list(phases)


class RoadmapAddForm(_PlanFields):
    action_code = forms.ChoiceField(label=_("From the action library"), required=False)
    title = forms.CharField(label=_("Or a new action"), max_length=200, required=False)

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_code"].choices = [("", "—"), *actions]

    def clean(self):
        data = super().clean()
        if not data.get("action_code") and not (data.get("title") or "").strip():
            raise forms.ValidationError(_("Choose an action of the library or name a new one."))
        return data


class RoadmapEditForm(_PlanFields):
    action_code = forms.CharField(max_length=40)
    dropped = forms.BooleanField(label=_("Drop"), required=False)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
