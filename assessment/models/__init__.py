from assessment.models.assessments import Answer, Assessment, Company, Respondent
from assessment.models.history import AnswerChange
from assessment.models.questionnaire import Dimension, Option, Question, Questionnaire

__all__ = [
    "Answer",
    "AnswerChange",
    "Assessment",
    "Company",
    "Dimension",
    "Option",
    "Question",
    "Questionnaire",
    "Respondent",
]
