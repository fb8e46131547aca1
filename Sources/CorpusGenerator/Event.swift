/// The facts of one news event that every report about it shares: who, where, which
/// organisation, and the numbers.
struct Event {
    var people: [String]
    var place: String
    var organisation: String
    var numbers: [Int]
    var day: String

    init(lexicon: Lexicon, random: inout SeededRandom) {
        people = (0..<2).map { _ in lexicon.name(&random) + " " + lexicon.name(&random) }
        place = lexicon.name(&random)
        organisation = lexicon.name(&random) + " " + ["Council", "Union", "Group", "Ministry", "Bank"].randomElement(using: &random)!
        numbers = (0..<3).map { _ in Int.random(in: 2...2_000, using: &random) }
        day = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"].randomElement(using: &random)!
    }

    /// One of the event's facts, as words to drop into a sentence.
    func fact(_ random: inout SeededRandom) -> String {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: people[0]
        case 1: people[1]
        case 2: "in " + place
        case 3: "the " + organisation
        default: String(numbers.randomElement(using: &random)!)
        }
    }
}
