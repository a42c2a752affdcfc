# Case roles only with a teamleider's approval (services_rollen.py).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_activatielink'),
    ]

    operations = [
        migrations.CreateModel(
            name='Rolverzoek',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('rol', models.CharField(choices=[('frontoffice', 'Frontoffice'), ('backoffice', 'Backoffice'), ('teamleider', 'Teamleider'), ('auditor', 'Auditor'), ('beheerder', 'Functioneel beheerder')], max_length=20, verbose_name='gevraagde rol')),
                ('vorige_rol', models.CharField(blank=True, choices=[('frontoffice', 'Frontoffice'), ('backoffice', 'Backoffice'), ('teamleider', 'Teamleider'), ('auditor', 'Auditor'), ('beheerder', 'Functioneel beheerder')], max_length=20, verbose_name='rol bij het verzoek')),
                ('aangevraagd_op', models.DateTimeField(auto_now_add=True, verbose_name='aangevraagd op')),
                ('status', models.CharField(choices=[('open', 'wacht op goedkeuring'), ('goedgekeurd', 'goedgekeurd'), ('afgewezen', 'afgewezen'), ('ingetrokken', 'ingetrokken')], default='open', max_length=20, verbose_name='status')),
                ('beoordeeld_op', models.DateTimeField(blank=True, null=True, verbose_name='beoordeeld op')),
                ('toelichting', models.CharField(blank=True, max_length=500, verbose_name='toelichting')),
                ('aangevraagd_door', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='aangevraagd door')),
                ('beoordeeld_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='beoordeeld door')),
                ('medewerker', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='rolverzoeken', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'rolverzoek',
                'verbose_name_plural': 'rolverzoeken',
                'ordering': ['-aangevraagd_op', '-id'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'open')), fields=('medewerker',), name='rolverzoek_een_open_per_medewerker'), models.CheckConstraint(condition=models.Q(('status__in', ['open', 'goedgekeurd', 'afgewezen', 'ingetrokken'])), name='rolverzoek_status'), models.CheckConstraint(condition=models.Q(('rol__in', ['frontoffice', 'backoffice', 'teamleider', 'auditor', 'beheerder'])), name='rolverzoek_rol_geldig'), models.CheckConstraint(condition=models.Q(models.Q(('beoordeeld_door', None), ('beoordeeld_op__isnull', True), ('status', 'open')), models.Q(models.Q(('status', 'open'), _negated=True), ('beoordeeld_op__isnull', False)), _connector='OR'), name='rolverzoek_beoordeeld_als_afgehandeld'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'goedgekeurd'), _negated=True), models.Q(models.Q(('beoordeeld_door', models.F('aangevraagd_door')), _negated=True), models.Q(('beoordeeld_door', models.F('medewerker')), _negated=True)), _connector='OR'), name='rolverzoek_vier_ogen')],
            },
        ),
    ]
