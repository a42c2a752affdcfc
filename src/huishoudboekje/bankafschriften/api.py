"""`/api/v1/bankafschriften`: list imported statements (GET) and import a file (POST,
multipart field `bestand`). camelCase JSON; a refused file gives 400 problem+json with
the reasons and changes nothing."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from huishoudboekje.accounts.roles import Recht
from huishoudboekje.api.basis import ApiView

from .models import Bankafschrift, Importbron
from .services import bankafschrift_importeren


class BankafschriftSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    rekeningIban = serializers.CharField(source="rekening.iban")
    afschriftId = serializers.CharField(source="afschrift_id")
    beginsaldo = serializers.IntegerField(help_text="centen")
    eindsaldo = serializers.IntegerField(help_text="centen")
    saldoVerschil = serializers.IntegerField(source="saldo_verschil", allow_null=True)
    aantalTransacties = serializers.IntegerField(source="aantal_transacties")
    aantalNieuw = serializers.IntegerField(source="aantal_nieuw")
    bestandsnaam = serializers.CharField(source="importbestand.bestandsnaam")
    ingelezenOp = serializers.DateTimeField(source="importbestand.tijdstip")

    class Meta:
        model = Bankafschrift
        fields = [
            "id",
            "rekeningIban",
            "formaat",
            "dialect",
            "afschriftId",
            "volgnummer",
            "begindatum",
            "einddatum",
            "beginsaldo",
            "eindsaldo",
            "saldoVerschil",
            "aantalTransacties",
            "aantalNieuw",
            "bestandsnaam",
            "ingelezenOp",
        ]


class UploadSerializer(serializers.Serializer):  # type: ignore[type-arg]
    bestand = serializers.FileField(help_text="camt.053 (XML) of MT940")


class ImportresultaatSerializer(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.IntegerField(source="importbestand_id")
    bestandsnaam = serializers.CharField()
    formaat = serializers.CharField()
    afschriften = serializers.IntegerField()
    transacties = serializers.IntegerField()
    transactiesNieuw = serializers.IntegerField(source="nieuw")
    transactiesDubbel = serializers.IntegerField(source="dubbel")
    automatischGeboekt = serializers.IntegerField(source="automatisch")
    waarschuwingen = serializers.ListField(child=serializers.CharField())


class BankafschriftenView(ApiView):
    lees_recht = Recht.BANKAFSCHRIFTEN_LEZEN
    schrijf_recht = Recht.BANKAFSCHRIFTEN_IMPORTEREN
    serializer_class = BankafschriftSerializer
    parser_classes = [MultiPartParser]

    def get_queryset(self) -> Any:
        return Bankafschrift.objects.select_related("rekening", "importbestand").order_by(
            "-einddatum", "-id"
        )

    @extend_schema(operation_id="bankafschriften_list", summary="Ingelezen bankafschriften")
    def get(self, request: Request) -> Response:
        pagina = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(BankafschriftSerializer(pagina, many=True).data)

    @extend_schema(
        operation_id="bankafschriften_create",
        summary="Een bankafschrift inlezen",
        request={"multipart/form-data": UploadSerializer},
        responses={201: ImportresultaatSerializer},
    )
    def post(self, request: Request) -> Response:
        invoer = UploadSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        bestand = invoer.validated_data["bestand"]
        resultaat = bankafschrift_importeren(
            stream=bestand, bestandsnaam=bestand.name, door=request.user, bron=Importbron.API
        )
        if not resultaat.gelukt:
            raise exceptions.ValidationError({"bestand": resultaat.fouten})
        return Response(ImportresultaatSerializer(resultaat).data, status=status.HTTP_201_CREATED)
