package io.sluice.connectors.faker;

import java.util.Locale;
import java.util.SplittableRandom;

/** The built-in word lists the sample rows are drawn from; fixed, so rows are reproducible. */
final class Vocabulary {
    private Vocabulary() {}

    static final String[] MALE_FIRST_NAMES = {
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
        "Daniel", "Matthew", "Anthony", "Mark", "Paul", "Steven", "Andrew", "Kenneth", "Joshua", "Kevin",
        "Brian", "George", "Edward", "Ronald", "Timothy", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary",
        "Nicholas", "Eric", "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel",
        "Hiroshi", "Luca", "Mateo", "Omar", "Ravi", "Sven", "Tomasz", "Yusuf", "Pierre", "Diego"
    };

    static final String[] FEMALE_FIRST_NAMES = {
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
        "Lisa", "Nancy", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle",
        "Carol", "Amanda", "Dorothy", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia",
        "Amy", "Angela", "Helen", "Anna", "Brenda", "Pamela", "Nicole", "Emma", "Samantha", "Katherine",
        "Aiko", "Giulia", "Lucia", "Fatima", "Priya", "Ingrid", "Agnieszka", "Elif", "Camille", "Valentina"
    };

    static final String[] LAST_NAMES = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Tanaka", "Rossi", "Silva", "Haddad", "Sharma", "Larsson", "Nowak", "Yilmaz", "Dubois", "Muller"
    };

    static final String[] MALE_TITLES = {"Mr.", "Dr.", "Prof.", "Sir"};
    static final String[] FEMALE_TITLES = {"Mrs.", "Ms.", "Miss", "Dr.", "Prof."};
    static final String[] OTHER_TITLES = {"Mx.", "Dr.", "Prof."};

    static final String[] EMAIL_DOMAINS = {
        "example.com", "example.org", "example.net", "mail.example.com", "post.example.org"
    };

    static final String[] LANGUAGES = {
        "English", "Spanish", "French", "German", "Italian", "Portuguese", "Dutch", "Swedish", "Polish",
        "Turkish", "Arabic", "Hindi", "Japanese", "Korean", "Mandarin", "Vietnamese", "Greek", "Finnish"
    };

    static final String[] ACADEMIC_DEGREES = {"Bachelor", "Master", "PhD", "Associate", "Diploma", "None"};

    static final String[] NATIONALITIES = {
        "American", "Canadian", "Mexican", "Brazilian", "Argentine", "British", "Irish", "French", "German",
        "Italian", "Spanish", "Portuguese", "Dutch", "Swedish", "Norwegian", "Polish", "Turkish", "Egyptian",
        "Nigerian", "Kenyan", "Indian", "Chinese", "Japanese", "Korean", "Vietnamese", "Australian"
    };

    static final String[] OCCUPATIONS = {
        "Accountant", "Architect", "Baker", "Carpenter", "Chemist", "Data Engineer", "Dentist", "Designer",
        "Electrician", "Farmer", "Firefighter", "Journalist", "Lawyer", "Librarian", "Mechanic", "Musician",
        "Nurse", "Pharmacist", "Photographer", "Physician", "Pilot", "Plumber", "Police Officer", "Professor",
        "Software Developer", "Statistician", "Surgeon", "Teacher", "Translator", "Veterinarian", "Writer"
    };

    static final String[] BLOOD_TYPES = {"O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-"};

    static final String[] STREET_WORDS = {
        "Oak", "Maple", "Cedar", "Pine", "Elm", "Willow", "Birch", "Lake", "Hill", "River", "Park", "Sunset",
        "Meadow", "Forest", "Church", "Mill", "Spring", "Highland", "Valley", "Harbor", "Station", "Market"
    };

    static final String[] STREET_SUFFIXES = {"Street", "Avenue", "Road", "Lane", "Drive", "Court", "Way", "Place"};

    static final String[] CITIES = {
        "Springfield", "Riverside", "Fairview", "Georgetown", "Franklin", "Greenville", "Bristol", "Clinton",
        "Salem", "Madison", "Ashland", "Oxford", "Burlington", "Manchester", "Milton", "Newport", "Auburn",
        "Dayton", "Lexington", "Milford", "Winchester", "Hudson", "Kingston", "Marion", "Dover", "Jackson"
    };

    static final String[] STATES = {
        "Alabama", "Alaska", "Arizona", "California", "Colorado", "Florida", "Georgia", "Illinois", "Iowa",
        "Kansas", "Maine", "Michigan", "Nevada", "New York", "Ohio", "Oregon", "Texas", "Utah", "Vermont",
        "Washington"
    };

    static final String[] PROVINCES = {
        "Alberta", "British Columbia", "Manitoba", "New Brunswick", "Nova Scotia", "Ontario", "Quebec",
        "Saskatchewan", "Bavaria", "Tuscany", "Andalusia", "Brittany", "Flanders", "Lapland"
    };

    static final String[] COUNTRY_CODES = {
        "US", "CA", "MX", "BR", "AR", "GB", "IE", "FR", "DE", "IT", "ES", "PT", "NL", "SE", "NO", "PL",
        "TR", "EG", "NG", "KE", "IN", "CN", "JP", "KR", "VN", "AU"
    };

    static final String[] PRODUCT_MAKES = {
        "Toyota", "Honda", "Ford", "Chevrolet", "Nissan", "Volkswagen", "BMW", "Mercedes-Benz", "Audi",
        "Hyundai", "Kia", "Subaru", "Mazda", "Volvo", "Tesla", "Porsche", "Jeep", "Lexus", "Fiat", "Peugeot"
    };

    static final String[] PRODUCT_MODELS = {
        "Aurora", "Breeze", "Comet", "Drift", "Eclipse", "Falcon", "Glide", "Horizon", "Ion", "Jet",
        "Kestrel", "Legacy", "Meridian", "Nova", "Orbit", "Pulse", "Quest", "Ridge", "Summit", "Tempo",
        "Unity", "Vector", "Wave", "Zephyr"
    };

    /** The lower-case forms used in e-mail addresses, computed once. */
    static final String[] MALE_FIRST_NAMES_LOWER = lower(MALE_FIRST_NAMES);
    static final String[] FEMALE_FIRST_NAMES_LOWER = lower(FEMALE_FIRST_NAMES);
    static final String[] LAST_NAMES_LOWER = lower(LAST_NAMES);

    /** A uniformly chosen index into {@code words}. */
    static int index(SplittableRandom random, String[] words) {
        return random.nextInt(words.length);
    }

    /** A uniformly chosen word. */
    static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String[] lower(String[] words) {
        String[] lower = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            lower[i] = words[i].toLowerCase(Locale.ROOT);
        }
        return lower;
    }
}
