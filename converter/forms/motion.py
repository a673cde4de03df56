"""Motion (议案): a government's proposal to the 人大 (常委会), signed by its head.

    某某县人民政府关于提请审议《某某县…条例（草案）》的议案
    县人民代表大会常务委员会：
    …现提请县人民代表大会常务委员会审议。
    县长  王明                    signature: a role and a name
    2024年4月10日
    附件：…                       (the draft, when printed)

Signed by a person, as an order is (forms/signed.py).
"""

from __future__ import annotations

from converter.forms.registry import Form, Registry
from converter.forms.signed import parse_signed

FORM = Form("motion", parse_signed, title_words=("议案",))


def register(forms: Registry) -> None:
    forms.add(FORM, before="notice")
