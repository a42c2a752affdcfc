# One-time activation links for new staff (services_activatie.py).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_sessiesleutel'),
    ]

    operations = [
        migrations.CreateModel(
            name='Activatielink',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sleutel_hash', models.CharField(max_length=64, unique=True, verbose_name='sleutel (SHA-256)')),
                ('aangemaakt_op', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt op')),
                ('verloopt_op', models.DateTimeField(verbose_name='verloopt op')),
                ('gebruikt_op', models.DateTimeField(blank=True, null=True, verbose_name='gebruikt op')),
                ('ingetrokken_op', models.DateTimeField(blank=True, null=True, verbose_name='ingetrokken op')),
                ('aangemaakt_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('medewerker', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='activatielinks', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'activatielink',
                'verbose_name_plural': 'activatielinks',
                'constraints': [models.CheckConstraint(condition=models.Q(('gebruikt_op__isnull', True), ('ingetrokken_op__isnull', True), _connector='OR'), name='activatielink_gebruikt_of_ingetrokken'), models.UniqueConstraint(condition=models.Q(('gebruikt_op__isnull', True), ('ingetrokken_op__isnull', True)), fields=('medewerker',), name='activatielink_een_open_per_medewerker')],
            },
        ),
    ]
