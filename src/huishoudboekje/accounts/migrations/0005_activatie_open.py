# An account waits for activation while this is true (services_activatie.py).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_rolverzoek'),
    ]

    operations = [
        migrations.AddField(
            model_name='medewerker',
            name='activatie_open',
            field=models.BooleanField(default=False, verbose_name='wacht op activatie'),
        ),
    ]
