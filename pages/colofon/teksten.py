"""The fixed Dutch texts of the colofon (no figures: counts come from the data)."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

# The address of the repository's issue tracker, set where the dashboard is deployed; we do not
# publish an e-mail address. Without it the page says where to look instead of inventing a link.
ISSUES_ENV = "DASHBOARD_ISSUES_URL"


def issues_url() -> str:
    """The configured issue-tracker URL when it is a plain http(s) address, else ''."""
    url = os.environ.get(ISSUES_ENV, "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc or any(c in url for c in " ()<>"):
        return ""
    return url


def contact(url: str) -> str:
    where = (
        "in de issue tracker van de repository (de knop hieronder)."
        if url
        else "als issue in de issue tracker van de repository waar de broncode van dit "
        "dashboard staat (de beheerder van deze installatie kan u het adres geven)."
    )
    return (
        "Ziet u een fout in een cijfer, mist u iets, of werkt iets niet met uw hulpmiddel "
        "(schermlezer, toetsenbord, vergroting)? Meld het " + where + " Noem de pagina en, als "
        "het kan, de link uit 'Citeer als' onder de grafiek: dan zien wij precies wat u zag. "
        "Wij hebben geen e-mailadres of telefoonnummer."
    )


CITEREN = (
    "Onder elke grafiek staat een regel **Citeer als**: de uitgever (dit dashboard), de titel "
    "van de grafiek, de datum van de gegevens en de link naar precies deze weergave, met alle "
    "filters. Noem daarnaast de oorspronkelijke bron uit de regel *Bron* (DUO, CBS, Movisie, …): "
    "dit dashboard telt en toont hun cijfers, het maakt ze niet."
)

TOEGANKELIJKHEID = (
    "Wij willen dat iedereen dit dashboard kan gebruiken, en houden ons aan de richtlijnen "
    "WCAG 2.1 niveau AA.\n\n"
    "**Wat wij testen.** Bij elke wijziging controleert een automatische test elke pagina met "
    "axe-core, in een echte browser, in licht én donker thema, nadat alle grafieken getekend "
    "zijn. Er mogen geen ernstige of kritieke fouten zijn. Andere tests controleren dat de "
    "pagina's op een telefoon (390 × 844 pixels) werken: de eerste grafiek staat in het eerste "
    "scherm en geen titel valt weg. De presentatiestand werkt helemaal met het toetsenbord "
    "(pijltjes, Page Up/Down, Esc) en de focus is altijd zichtbaar.\n\n"
    "**Wat wij bieden.** Elke grafiek heeft een samenvatting in tekst en een tabel met de "
    "gegevens (CSV en Excel om te downloaden). De kleuren zijn ook voor kleurenblinden te "
    "onderscheiden, en lijnen verschillen ook in vorm. 'Hoog contrast' in de zijbalk zet alles "
    "zwart op wit (of wit op zwart). Op een smal scherm staan de keuzes van een pagina achter de "
    "knop 'Filters'.\n\n"
    "**Wat (nog) niet goed gaat.** Het dashboard is gebouwd met Streamlit. Een paar teksten van "
    "Streamlit zelf zijn Engels en niet te vertalen, zoals in het menu rechtsboven en in "
    "foutmeldingen van het uploadveld. De knop 'Terug' van de browser brengt u na het wijzigen "
    "van een filter naar de vorige keuze; om een weergave te bewaren gebruikt u de link uit "
    "'Citeer als' of 'Deel deze weergave'. Loopt u tegen iets anders aan, meld het dan (zie "
    "Contact)."
)


def begrippen(
    n_arbeidsmarktregios: int | None, peil_duo: str = "", peil_cbs: str = ""
) -> list[tuple[str, str]]:
    """The glossary; the number of labour-market regions is counted from the data and the
    example reference dates come from the manifest (what the snapshots say about themselves)."""
    voorbeelden = [
        v
        for v in (
            f"{peil_duo} voor inschrijvingen bij DUO" if peil_duo else "",
            f"{peil_cbs} voor vacatures bij CBS" if peil_cbs else "",
        )
        if v
    ]
    voorbeeld = f", bijvoorbeeld {' of '.join(voorbeelden)}" if voorbeelden else ""
    aantal = f"Nederland telt er {n_arbeidsmarktregios}. " if n_arbeidsmarktregios else "Nederland "
    return [
        (
            "Eerstejaars",
            "Studenten die voor het eerst staan ingeschreven. DUO telde eerst wie nieuw was in "
            "het hbo; in de nieuwere bestanden telt wie nieuw is in het hoger onderwijs "
            "(zonder masters). Waar de definitie wisselt, breekt de lijn in de grafiek.",
        ),
        (
            "Peildatum",
            f"Het moment waarop een cijfer geldt{voorbeeld}. Onder elke grafiek staat de "
            "peildatum van dat cijfer.",
        ),
        (
            "Vacaturegraad",
            "Het aantal openstaande vacatures per 1.000 banen (CBS). Een hoge vacaturegraad "
            "betekent: veel werk dat niet gedaan kan worden omdat er geen mensen voor zijn.",
        ),
        (
            "Arbeidsmarktregio",
            "Een groep gemeenten waarin gemeenten, UWV, werkgevers en onderwijs samenwerken "
            "aan werk in de regio. " + aantal + "Elke gemeente hoort bij één arbeidsmarktregio.",
        ),
        (
            "Seizoengecorrigeerd",
            "Een cijfer waaruit het vaste patroon van de seizoenen is gehaald (bijvoorbeeld elk "
            "jaar meer vacatures in het voorjaar). Zo kunt u kwartalen na elkaar vergelijken. "
            "Wij tonen seizoengecorrigeerde en gewone cijfers nooit als één lijn.",
        ),
        (
            "Minimaal en <5",
            "DUO toont aantallen van 1 tot en met 4 personen niet (privacy), maar als '<5'. Een "
            "totaal met zulke cellen is daarom een ondergrens: 'minimaal 1.234'. Bestaat een "
            "cijfer alleen uit zulke cellen, dan tonen wij '<5' en nooit 0.",
        ),
    ]
