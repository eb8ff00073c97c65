from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEMO = [("admin", "admin-demo-2026", True)]


class Command(BaseCommand):
    help = "Creates the demo logins (for the local demo only) and prints them."

    def handle(self, *args, **options):
        User = get_user_model()
        for username, password, staff in DEMO:
            user, created = User.objects.get_or_create(username=username)
            if created:
                user.set_password(password)
                user.is_staff = user.is_superuser = staff
                user.save()
        self.stdout.write("\nDemo ready on http://127.0.0.1:8000/")
        for username, password, staff in DEMO:
            role = "admin" if staff else "consultant"
            self.stdout.write(f"  {role:<11} login: {username} / {password}  "
                              "(http://127.0.0.1:8000/admin/)")
        self.stdout.write("")
