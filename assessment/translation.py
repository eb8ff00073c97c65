from modeltranslation.translator import TranslationOptions, register

from assessment.models import Dimension, Option, Question, Questionnaire


@register(Questionnaire)
class QuestionnaireTranslation(TranslationOptions):
    fields = ("title",)


@register(Dimension)
class DimensionTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "help")


@register(Option)
class OptionTranslation(TranslationOptions):
    fields = ("label",)
