"""Name and street lists for the demo municipality.

The mix reflects a Dutch city: Dutch names (with tussenvoegsels), and residents with
Moroccan, Turkish, Surinamese, Antillean, Polish, Eritrean and Syrian roots. Names are
written as the population register usually records them (ASCII transliterations, which
also survive SEPA payment files). Every combination is generated; none is a real person.
"""

from __future__ import annotations

# fmt: off

# origin -> (weight, male first names, female first names, surnames as (tussenvoegsel, achternaam))
Herkomst = tuple[int, tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]

HERKOMSTEN: tuple[Herkomst, ...] = (
    (  # Dutch
        44,
        (
            "Jan", "Pieter", "Kees", "Henk", "Johan", "Gerrit", "Willem", "Dirk", "Kevin",
            "Dennis", "Mark", "Sander", "Ricardo", "Jeroen", "Stefan", "Bas", "Tim", "Daan",
            "Niels", "Marco", "Ruud", "Erik", "Patrick", "Wim", "Cor", "Sven", "Ronald", "Joost",
            "Martijn", "Jordy",
        ),
        (
            "Anna", "Maria", "Johanna", "Petra", "Sandra", "Monique", "Linda", "Esther",
            "Patricia", "Kim", "Sanne", "Lisa", "Naomi", "Chantal", "Marieke", "Ingrid", "Wilma",
            "Anouk", "Femke", "Ilse", "Jolanda", "Tamara", "Priscilla", "Bianca", "Samantha",
            "Romy", "Demi", "Yvonne", "Gerda", "Kelly",
        ),
        (
            ("de", "Jong"), ("", "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"),
            ("", "Bakker"), ("", "Janssen"), ("", "Visser"), ("", "Smit"), ("", "Meijer"),
            ("de", "Boer"), ("", "Mulder"), ("de", "Groot"), ("", "Bos"), ("", "Vos"),
            ("", "Peters"), ("", "Hendriks"), ("van", "Leeuwen"), ("", "Dekker"), ("", "Brouwer"),
            ("de", "Wit"), ("", "Dijkstra"), ("", "Smits"), ("de", "Graaf"), ("van der", "Meer"),
            ("van der", "Linden"), ("", "Kok"), ("", "Jacobs"), ("de", "Haan"), ("", "Vermeulen"),
            ("van den", "Heuvel"), ("van der", "Veen"), ("van den", "Broek"), ("de", "Bruijn"),
            ("de", "Bruin"), ("van der", "Heijden"), ("", "Schouten"), ("van", "Beek"),
            ("", "Willems"), ("van", "Vliet"), ("van de", "Ven"), ("", "Hoekstra"), ("", "Maas"),
            ("", "Verhoeven"), ("", "Koster"), ("van", "Dam"), ("van der", "Wal"), ("", "Prins"),
            ("", "Blom"), ("", "Huisman"), ("", "Peeters"), ("de", "Lange"), ("van", "Wijk"),
            ("", "Kuipers"), ("van", "Veen"), ("", "Post"), ("", "Kuiper"), ("", "Veenstra"),
            ("", "Kramer"), ("van den", "Brink"), ("", "Scholten"), ("van", "Wijngaarden"),
            ("", "Timmermans"), ("", "Groen"), ("", "Gerritsen"), ("van", "Rijn"),
            ("ter", "Horst"), ("in 't", "Veld"), ("van 't", "Hof"), ("", "Evers"), ("", "Postma"),
            ("", "Wolters"),
        ),
    ),
    (  # Moroccan
        13,
        (
            "Mohamed", "Ahmed", "Youssef", "Mustafa", "Said", "Khalid", "Abdelkader", "Hamza",
            "Bilal", "Anouar", "Rachid", "Mourad", "Karim", "Driss", "Nordin", "Soufiane",
        ),
        (
            "Fatima", "Khadija", "Naima", "Malika", "Samira", "Loubna", "Hanan", "Nadia", "Imane",
            "Siham", "Souad", "Latifa", "Meryem", "Hafsa", "Asmae", "Ilham",
        ),
        (
            ("", "El Amrani"), ("", "Bouzid"), ("", "Benali"), ("", "El Idrissi"), ("", "Azzouz"),
            ("", "Boukhari"), ("", "El Khattabi"), ("", "Ouali"), ("", "Aarab"), ("", "Ait Taleb"),
            ("", "Chaouch"), ("", "El Harchaoui"), ("", "Tahiri"), ("", "Ziani"), ("", "Bakkali"),
            ("", "Amzil"), ("", "Lamrabet"), ("", "Haddouchi"),
        ),
    ),
    (  # Turkish
        12,
        (
            "Mehmet", "Mustafa", "Ahmet", "Ali", "Huseyin", "Hasan", "Ibrahim", "Murat", "Emre",
            "Burak", "Yusuf", "Kemal", "Osman", "Serkan", "Erdal", "Cem",
        ),
        (
            "Ayse", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Merve", "Esra", "Hulya",
            "Songul", "Derya", "Sevgi", "Gul", "Nurten", "Ozlem", "Busra",
        ),
        (
            ("", "Yilmaz"), ("", "Kaya"), ("", "Demir"), ("", "Sahin"), ("", "Celik"),
            ("", "Yildiz"), ("", "Yildirim"), ("", "Ozturk"), ("", "Aydin"), ("", "Ozdemir"),
            ("", "Arslan"), ("", "Dogan"), ("", "Kilic"), ("", "Aslan"), ("", "Cetin"),
            ("", "Koc"), ("", "Kurt"), ("", "Polat"),
        ),
    ),
    (  # Surinamese (Hindostani, Creole, Javanese)
        9,
        (
            "Ravi", "Glenn", "Romeo", "Sunil", "Anand", "Roy", "Errol", "Iwan", "Dewkoemar",
            "Stanley", "Orlando", "Sharief", "Hans", "Marlon", "Rishi", "Sukarno",
        ),
        (
            "Shanti", "Sharmila", "Anjali", "Priya", "Ingrid", "Gracia", "Sherida", "Rosita",
            "Natasha", "Roshni", "Marcia", "Denise", "Soeniati", "Jennifer", "Kavita", "Rachel",
        ),
        (
            ("", "Ramdin"), ("", "Jagessar"), ("", "Ramlal"), ("", "Pinas"), ("", "Eersel"),
            ("", "Kross"), ("", "Biharie"), ("", "Mahabier"), ("", "Sewdien"),
            ("", "Kartodikromo"), ("", "Sardjoe"), ("", "Doelwijt"), ("", "Lachmon"),
            ("", "Brunings"), ("", "Soekhoe"), ("", "Karijowidjojo"), ("", "Ramsaran"),
            ("", "Zschuschen"),
        ),
    ),
    (  # Antillean / Aruban
        3,
        (
            "Rignald", "Shurendy", "Jurick", "Giovanni", "Edsel", "Kenley",
        ),
        (
            "Jurmaine", "Shudayra", "Gisela", "Nathaly", "Rosalia", "Yanaisa",
        ),
        (
            ("", "Martina"), ("", "Isenia"), ("", "Statia"), ("", "Rosaria"), ("", "Winklaar"),
            ("", "Janga"), ("", "Croes"), ("", "Maduro"),
        ),
    ),
    (  # Polish
        4,
        (
            "Piotr", "Krzysztof", "Tomasz", "Pawel", "Marcin", "Lukasz", "Grzegorz", "Michal",
        ),
        (
            "Anna", "Katarzyna", "Magdalena", "Agnieszka", "Joanna", "Monika", "Ewa", "Marta",
        ),
        (
            ("", "Nowak"), ("", "Kowalski"), ("", "Wisniewski"), ("", "Wojcik"), ("", "Kaminski"),
            ("", "Lewandowska"), ("", "Zielinski"), ("", "Szymanska"),
        ),
    ),
    (  # Eritrean
        7,
        (
            "Yonas", "Mehari", "Tesfay", "Dawit", "Filmon", "Samuel", "Biniam", "Kidane", "Habtom",
            "Merhawi", "Yohannes", "Aron",
        ),
        (
            "Senait", "Feven", "Semhar", "Helen", "Selam", "Luwam", "Ruta", "Saba", "Winta",
            "Yordanos", "Eden", "Mebrat",
        ),
        (
            ("", "Tesfaye"), ("", "Haile"), ("", "Berhane"), ("", "Ghebremedhin"), ("", "Tekle"),
            ("", "Kahsay"), ("", "Woldemichael"), ("", "Ghirmay"), ("", "Habte"), ("", "Mebrahtu"),
            ("", "Tsegay"), ("", "Andemariam"),
        ),
    ),
    (  # Syrian
        8,
        (
            "Ahmad", "Omar", "Mohammad", "Khaled", "Hussam", "Fadi", "Rami", "Bassel", "Yazan",
            "Mahmoud", "Ammar", "Tarek",
        ),
        (
            "Rasha", "Lina", "Noor", "Hiba", "Rania", "Dima", "Alaa", "Reem", "Yara", "Salma",
            "Amal", "Hanadi",
        ),
        (
            ("", "Al-Hassan"), ("", "Haddad"), ("", "Khalil"), ("", "Alkhatib"), ("", "Al Ahmad"),
            ("", "Hamdan"), ("", "Al-Ali"), ("", "Darwish"), ("", "Mansour"), ("", "Al Masri"),
            ("", "Sabbagh"), ("", "Kassab"),
        ),
    ),
)

# Streets of Voorbeeldstad, each with its neighbourhood's postcode area (4 digits) and the
# highest house number. Postcodes are valid in form; the city is fictitious.
STRATEN: tuple[tuple[str, int, int], ...] = (
    ("Kerkstraat", 7411, 88), ("Molenweg", 7412, 140), ("Stationsplein", 7411, 24),
    ("Lindelaan", 7413, 96), ("Beukenlaan", 7413, 120), ("Eikenlaan", 7413, 64),
    ("Kastanjehof", 7414, 40), ("Populierenstraat", 7414, 72), ("Wilgenhof", 7414, 36),
    ("Rembrandtlaan", 7415, 180), ("Vermeerstraat", 7415, 66), ("Frans Halsstraat", 7415, 90),
    ("Van Goghplein", 7415, 30), ("Marktstraat", 7411, 52), ("Havenkade", 7416, 110),
    ("Schipperstraat", 7416, 48), ("Dijkweg", 7416, 210), ("Sluisstraat", 7416, 38),
    ("Zonnebloemstraat", 7417, 84), ("Tulpstraat", 7417, 76), ("Narcissenhof", 7417, 28),
    ("Rozenstraat", 7417, 92), ("Anjerlaan", 7417, 60), ("Merelstraat", 7418, 70),
    ("Spreeuwenhof", 7418, 44), ("Kievitlaan", 7418, 130), ("Reigerweg", 7418, 150),
    ("Zwaluwstraat", 7418, 58), ("Plutostraat", 7421, 240), ("Saturnusstraat", 7421, 200),
    ("Jupiterlaan", 7421, 160), ("Mercuriushof", 7421, 48), ("Industrieweg", 7422, 90),
    ("Fabrieksstraat", 7422, 64), ("Spoorlaan", 7422, 120), ("Nieuwe Gracht", 7411, 140),
    ("Oude Gracht", 7411, 180), ("Burgemeester de Wittlaan", 7423, 260),
    ("Wethouder Jansenstraat", 7423, 110), ("Koningin Julianalaan", 7424, 300),
    ("Prins Bernhardstraat", 7424, 140), ("Mandelaplein", 7425, 80), ("Gandhistraat", 7425, 96),
    ("Martin Luther Kingweg", 7425, 150), ("Anne Frankstraat", 7426, 72),
    ("Aletta Jacobslaan", 7426, 104), ("Troelstrahof", 7426, 46),
    ("Dokter Schaepmanstraat", 7427, 68),
)
HUISNUMMER_TOEVOEGINGEN = (
    "", "", "", "", "", "", "A", "B", "-1", "-2", "bis", "-3", " hs",
)
# fmt: on
