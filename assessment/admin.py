from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import Answer, Assessment, Company, Dimension, Option, Question, Questionnaire, Respondent


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
