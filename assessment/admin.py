import json

from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from assessment.answers.privacy import respondent_erase, respondent_export
from assessment.models import (
    Answer,
    AnswerChange,
    Assessment,
    Company,
    Dimension,
    Option,
    Question,
    Questionnaire,
    Respondent,
)
from assessment.models.history import state_label


class DimensionInline(TranslationTabularInline):
    model = Dimension
    extra = 0
    fields = ("order", "code", "name", "description")


@admin.register(Questionnaire)
class QuestionnaireAdmin(TranslationAdmin):
    list_display = ("version", "title", "published_at")
    inlines = [DimensionInline]


class OptionInline(TranslationTabularInline):
    model = Option
    extra = 0
    max_num = 5


@admin.register(Question)
class QuestionAdmin(TranslationAdmin):
    list_display = ("code", "text", "dimension", "key", "scored", "weight")
    list_filter = ("questionnaire", "dimension__code", "scored")
    search_fields = ("code", "text_it", "text_en", "key")
    list_select_related = ("dimension",)
    inlines = [OptionInline]


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("name", "sector", "size", "country", "owner", "created_at")
    list_filter = ("sector", "size", "country")
    search_fields = ("name", "owner__username")
    list_select_related = ("owner",)
    raw_id_fields = ("owner",)
    filter_horizontal = ("shared_with",)


class RespondentInline(admin.TabularInline):
    model = Respondent
    extra = 0
    fields = ("name", "email", "role", "is_consensus", "submitted_at", "invited_at",
              "revoked_at", "expires_at")
    readonly_fields = ("is_consensus", "submitted_at", "invited_at")


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ("company", "questionnaire", "mode", "cluster", "overall", "created_at")
    list_filter = ("cluster", "mode", "questionnaire", "company__sector")
    search_fields = ("company__name",)
    list_select_related = ("company", "questionnaire")
    readonly_fields = ("overall", "cluster", "scores", "result", "scored_at")
    inlines = [RespondentInline]


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ("respondent", "question", "option", "dont_know", "updated_at")
    list_select_related = ("respondent", "question", "option")
    raw_id_fields = ("respondent", "question", "option")


@admin.register(Respondent)
class RespondentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "email", "role", "assessment", "is_consensus", "submitted_at",
                    "erased_at")
    list_filter = ("is_consensus", "role")
    search_fields = ("name", "email", "assessment__company__name")
    list_select_related = ("assessment__company",)
    raw_id_fields = ("assessment",)
    readonly_fields = ("is_consensus", "submitted_at", "erased_at")
    actions = ["export_personal_data", "erase_personal_data"]

    @admin.action(description=_("Export personal data (JSON)"))
    def export_personal_data(self, request, queryset):
        data = [respondent_export(respondent=r)
                for r in queryset.select_related("assessment__company",
                                                 "assessment__questionnaire")]
        response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2),
                                content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="respondents.json"'
        return response

    @admin.action(description=_("Erase personal data (keeps the scores)"))
    def erase_personal_data(self, request, queryset):
        erased = 0
        for respondent in queryset.select_related("assessment"):
            respondent_erase(respondent=respondent)
            erased += 1
        self.message_user(request, ngettext("Personal data of %(n)d respondent erased.",
                                   "Personal data of %(n)d respondents erased.", erased)
                          % {"n": erased}, messages.SUCCESS)


@admin.register(AnswerChange)
class AnswerChangeAdmin(admin.ModelAdmin):
    """The audit trail is written by the services only: readable here, never editable."""

    list_display = ("changed_at", "respondent", "question", "old", "new", "source",
                    "changed_by")
    list_filter = ("source",)
    search_fields = ("question__code", "respondent__assessment__company__name")
    list_select_related = ("respondent", "question", "old_option", "new_option", "changed_by")
    date_hierarchy = "changed_at"

    @admin.display(description=_("before"))
    def old(self, obj):
        return state_label(obj.old_level, obj.old_dont_know)

    @admin.display(description=_("after"))
    def new(self, obj):
        return state_label(obj.new_level, obj.new_dont_know)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
