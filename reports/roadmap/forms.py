"""Forms of the roadmap editor: one formset for every action of the plan, and the add form."""

from django import forms
from django.utils.translation import gettext_lazy as _

WEIGHTS = [("", "—"), (1, _("1 – low")), (2, _("2 – medium")), (3, _("3 – high"))]


class _PlanFields(forms.Form):
    """Where an action sits in the plan and what a custom action is about.

    Choices come from the plan: phases, the questionnaire's dimensions and questions
    (in the interface language).
    """

    phase = forms.ChoiceField(label=_("Phase"), choices=[])
    owner = forms.CharField(label=_("Owner"), max_length=80, required=False)
    due = forms.DateField(label=_("Due date"), required=False,
                          widget=forms.DateInput(attrs={"type": "date"}))
    description = forms.CharField(label=_("Description"), max_length=2000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    dimension = forms.ChoiceField(label=_("Dimension"), required=False)
    question_code = forms.ChoiceField(label=_("Target question"), required=False,
                                      help_text=_("Its gap sets the priority; without one, "
                                                  "the dimension's gap does."))
    impact = forms.TypedChoiceField(label=_("Impact"), choices=WEIGHTS, coerce=int,
                                    required=False, empty_value=None)
    effort = forms.TypedChoiceField(label=_("Effort"), choices=WEIGHTS, coerce=int,
                                    required=False, empty_value=None)

    def __init__(self, *args, phases=(), dimensions=(), questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].choices = list(phases)
        self.fields["dimension"].choices = [("", "—"), *dimensions]
        self.fields["question_code"].choices = [("", "—"), *questions]


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
        if not data.get("action_code") and not data.get("dimension"):
            self.add_error("dimension", _("A new action needs the dimension it improves."))
        if not data.get("action_code") and not data.get("question_code") \
                and not data.get("impact"):
            self.add_error("question_code", _("A new action needs a target question or an "
                                              "impact, so that the plan can rank it."))
        return data


class RoadmapRowForm(_PlanFields):
    """One action of the plan: a generated one (by its code) or an added one (by its edit)."""

    code = forms.CharField(max_length=40, widget=forms.HiddenInput)
    edit_id = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    title = forms.CharField(label=_("Action"), max_length=200,
                            widget=forms.Textarea(attrs={"rows": 2}))
    drop = forms.BooleanField(label=_("Drop"), required=False)


# Row fields a consultant may change, as RoadmapEdit stores them.
ROW_FIELDS = ("title", "description", "dimension", "question_code", "impact", "effort",
              "phase", "owner", "due")

RoadmapFormSet = forms.formset_factory(RoadmapRowForm, extra=0, max_num=200,
                                       validate_max=True)
