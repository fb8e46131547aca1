import ArgumentParser

/// `--id-field`, `--text-field`, `--title-field`, `--url-field` and `--date-field`: where a
/// JSONL line holds what ingestd reads, shared by `dedup` and `import --jsonl` so that both
/// read a corpus alike. A dotted name (`meta.id`) reaches into an object.
struct CorpusFieldOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The member holding each line's id (a string or an integer).", valueName: "name"))
    var idField = "id"
    @Option(help: ArgumentHelp("The member holding each line's text.", valueName: "name"))
    var textField = "text"
    @Option(help: ArgumentHelp("The member holding each line's title.", valueName: "name"))
    var titleField = "title"
    @Option(help: ArgumentHelp("The member holding each line's URL.", valueName: "name"))
    var urlField = "url"
    @Option(help: ArgumentHelp("The member holding each line's publication date (it decides which member is the original).",
                               valueName: "name"))
    var dateField = "published"

    var fields: CorpusLine.Fields {
        CorpusLine.Fields(id: idField, text: textField, title: titleField, url: urlField, date: dateField)
    }

    /// Whether any name differs from the default.
    var areGiven: Bool { fields.id != "id" || fields.text != "text" || titleField != "title" || urlField != "url" || dateField != "published" }

    func validate() throws {
        guard ![idField, textField, titleField, urlField, dateField].contains(where: \.isEmpty) else {
            throw ValidationError("a --…-field name must not be empty")
        }
    }
}
