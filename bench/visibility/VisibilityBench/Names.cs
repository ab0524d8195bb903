namespace Preau.Bench.Visibility;

/// <summary>French first and last names for generated people, drawn from a seeded random.</summary>
internal sealed class Names(Random random)
{
    private static readonly string[] Girls =
    [
        "Emma", "Jade", "Louise", "Alice", "Chloé", "Lina", "Rose", "Anna", "Mila", "Inès", "Ambre", "Julia", "Zoé", "Manon",
        "Camille", "Lou", "Sarah", "Agathe", "Léna", "Juliette", "Margaux", "Nour", "Romane", "Iris", "Adèle", "Maëlys", "Éva", "Clémence",
    ];

    private static readonly string[] Boys =
    [
        "Gabriel", "Raphaël", "Léo", "Louis", "Arthur", "Jules", "Adam", "Lucas", "Maël", "Noah", "Sacha", "Tom", "Nathan", "Ethan",
        "Théo", "Victor", "Hugo", "Paul", "Nino", "Aaron", "Isaac", "Gaspard", "Mohamed", "Yanis", "Timéo", "Samuel", "Axel", "Côme",
    ];

    private static readonly string[] Adults =
    [
        "Nathalie", "Stéphane", "Céline", "Julien", "Aurélie", "Nicolas", "Sandrine", "Frédéric", "Karine", "Olivier", "Émilie",
        "Sébastien", "Delphine", "Mathieu", "Fatima", "Mehdi", "Isabelle", "Christophe", "Virginie", "Laurent", "Sophie", "David",
        "Valérie", "Thomas", "Caroline", "Guillaume", "Hélène", "Jérôme", "Amélie", "Romain", "Leïla", "Karim", "Anne", "François",
    ];

    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel",
        "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
        "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier",
        "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
        "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun",
        "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard", "Roche",
        "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud",
        "Dumas", "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq",
        "Guillaume", "Lecomte", "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Nguyen", "Diallo",
        "Haddad", "Da Silva", "Benali", "Traoré", "Kaya", "Cohen", "Ferreira", "Rodrigues", "Mendy", "Bensaïd", "Le Gall", "Le Goff",
    ];

    public string Child() => random.Next(2) == 0 ? Girls[random.Next(Girls.Length)] : Boys[random.Next(Boys.Length)];

    public string Adult() => Adults[random.Next(Adults.Length)];

    public string Last() => LastNames[random.Next(LastNames.Length)];
}
