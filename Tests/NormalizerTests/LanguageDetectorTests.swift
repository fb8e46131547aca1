import Foundation
@testable import Normalizer
import Testing

/// Each language the detector knows, on a few sentences written for the test.
struct LanguageDetectorTests {
    static let samples: [(String, String)] = [
        ("en", "The ferry was back in service on Monday, and the operator said that it would run every night of the week from the old harbour."),
        ("tr", "Feribot pazartesi günü yeniden sefere başladı ve işletme, bu hattın her gece için daha çok yolcu taşıyacağını söyledi ama bilet fiyatları da arttı."),
        ("ru", "Паром вернулся на линию в понедельник, и оператор сказал, что он будет ходить каждую ночь, но билеты уже стали дороже, чем было в прошлом году."),
        ("uk", "Пором повернувся на лінію в понеділок, і оператор сказав, що він буде ходити щоночі, але квитки вже стали дорожчими, ніж було у минулому році."),
        ("de", "Die Fähre ist seit Montag wieder in Betrieb, und der Betreiber sagte, dass sie nun jede Nacht von dem alten Hafen auf die Insel fahren wird."),
        ("fr", "Le ferry a repris du service lundi et l'opérateur a dit qu'il ferait la traversée chaque nuit, mais les billets sont plus chers que l'an dernier."),
        ("es", "El ferry volvió al servicio el lunes y el operador dijo que hará la travesía cada noche, pero los billetes son más caros que el año pasado."),
        ("pt", "A balsa voltou ao serviço na segunda-feira e o operador disse que vai fazer a travessia todas as noites, mas os bilhetes estão mais caros do que no ano passado."),
        ("it", "Il traghetto è tornato in servizio lunedì e l'operatore ha detto che farà la traversata ogni notte, ma i biglietti sono più cari dello scorso anno."),
        ("nl", "De veerboot is maandag weer in dienst en de exploitant zei dat die nu elke nacht van de oude haven naar het eiland zal varen, maar de kaartjes zijn duurder."),
        ("ar", "عادت العبارة إلى الخدمة يوم الاثنين، وقال المشغل إن الرحلة ستكون في كل ليلة من الميناء القديم إلى الجزيرة، لكن التذاكر أصبحت أغلى من العام الماضي."),
    ]

    @Test(arguments: samples)
    func tellsEachLanguage(language: String, text: String) {
        #expect(LanguageDetector(settings: NormalizerSettings()).language(of: text) == language)
    }

    @Test func saysNothingOnTooLittleText() {
        #expect(LanguageDetector(settings: NormalizerSettings()).language(of: "Ferry 2026: timetable") == nil)
        #expect(LanguageDetector(settings: NormalizerSettings()).language(of: "") == nil)
    }

    @Test func theDetectedLanguageWinsOverAWrongDeclaration() throws {
        let html = "<html lang=\"en\"><body><article><p>\(Self.samples[1].1)</p><p>\(Self.samples[1].1)</p></article></body></html>"
        #expect(try Normalizer().article(html: Data(html.utf8)).language == "tr")
    }
}
