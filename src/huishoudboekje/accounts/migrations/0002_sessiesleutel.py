# Ends every session of an account by changing its session key (models.Medewerker).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='medewerker',
            name='sessiesleutel',
            field=models.CharField(blank=True, default='', editable=False, max_length=32, verbose_name='sessiesleutel'),
        ),
    ]
