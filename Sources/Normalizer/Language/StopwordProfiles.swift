/// The most frequent function words of each language `LanguageDetector` knows, lowercased.
///
/// Words shared by several languages ("de", "a", "in", "la") stay in each list; they add to
/// every profile alike and so never decide between them.
enum StopwordProfiles {
    static let words: [String: Set<String>] = [
        "en": ["the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "was", "on", "as", "are", "be", "this",
               "by", "at", "from", "have", "has", "but", "not", "they", "which", "their", "were", "been", "will", "would",
               "said", "who", "its", "an", "or", "had", "his", "her", "we", "you", "more", "there", "than", "about"],
        "tr": ["ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "daha", "çok", "gibi", "olan", "ama", "en", "kadar",
               "sonra", "ise", "ya", "değil", "her", "ne", "o", "mi", "var", "yok", "üzerinde", "tarafından", "şekilde",
               "göre", "ancak", "yılında", "olduğu", "ayrıca", "arasında", "veya", "diye", "şu", "bunun", "onun"],
        "ru": ["и", "в", "не", "на", "что", "с", "по", "это", "как", "к", "из", "за", "от", "для", "о", "но", "он", "его",
               "так", "же", "также", "был", "была", "было", "были", "который", "которые", "или", "уже", "только", "при",
               "ее", "её", "они", "этого", "чтобы", "бы", "все", "еще", "ещё", "году", "мы", "вы", "если"],
        "uk": ["і", "в", "у", "на", "що", "з", "не", "та", "до", "за", "як", "це", "від", "для", "про", "але", "він", "його",
               "також", "був", "була", "було", "були", "який", "які", "або", "вже", "лише", "при", "її", "вони", "щоб",
               "би", "все", "ще", "році", "ми", "ви", "якщо", "із", "й", "має", "цього"],
        "de": ["der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im", "dem",
               "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "sie", "nach",
               "wird", "bei", "einer", "um", "am", "sind", "noch", "wie", "einem", "über", "einen", "so", "zum", "war"],
        "fr": ["de", "la", "le", "et", "les", "des", "en", "un", "du", "une", "que", "est", "pour", "qui", "dans", "a",
               "par", "plus", "pas", "au", "sur", "ne", "se", "ce", "il", "sont", "mais", "avec", "aux", "ont", "été",
               "cette", "ou", "leur", "nous", "vous", "elle", "ils", "son", "sa", "ses", "comme", "être", "fait"],
        "es": ["de", "la", "que", "el", "en", "y", "a", "los", "del", "se", "las", "por", "un", "para", "con", "no", "una",
               "su", "al", "lo", "como", "más", "pero", "sus", "le", "ya", "o", "este", "sí", "porque", "esta", "entre",
               "cuando", "muy", "sin", "sobre", "también", "me", "hasta", "hay", "donde", "han", "fue", "desde"],
        "pt": ["de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "é", "com", "não", "uma", "os", "no", "se", "na",
               "por", "mais", "as", "dos", "como", "mas", "foi", "ao", "ele", "das", "tem", "à", "seu", "sua", "ou", "ser",
               "quando", "muito", "há", "nos", "já", "está", "eu", "também", "só", "pelo", "pela", "até", "isso"],
        "it": ["di", "e", "il", "la", "che", "a", "per", "un", "in", "è", "del", "della", "non", "una", "i", "le", "si",
               "con", "da", "dei", "al", "gli", "sono", "nel", "come", "anche", "più", "ma", "alla", "questo", "delle",
               "ha", "lo", "se", "nella", "degli", "essere", "stato", "ci", "suo", "sua", "tra", "dal", "loro", "molto"],
        "nl": ["de", "en", "van", "het", "een", "in", "is", "dat", "op", "te", "zijn", "voor", "met", "die", "niet", "aan",
               "er", "om", "ook", "als", "bij", "of", "door", "maar", "heeft", "over", "nog", "wordt", "uit", "naar",
               "hij", "dan", "worden", "werd", "ze", "kan", "deze", "tot", "wel", "meer", "hun", "zal", "geen", "was"],
        "ar": ["في", "من", "على", "إلى", "أن", "عن", "مع", "هذا", "التي", "الذي", "كان", "قد", "لا", "ما", "هذه", "بين",
               "كما", "بعد", "أو", "ذلك", "وقد", "إن", "لم", "حيث", "عند", "وفي", "كل", "هو", "هي", "منذ", "خلال",
               "أي", "ثم", "لكن", "حتى", "فى", "الى", "انه", "وهو", "وهي", "عليه", "به", "لها", "له"],
    ]
}
