extension BoilerplateRules {
    /// The built-in phrase patterns, in English, Turkish, Russian, German, French, Spanish
    /// and Arabic. Each matches a whole paragraph (see `BoilerplateRules`); length limits
    /// keep "read more"-style rules from ever swallowing a real paragraph.
    /// Config can add patterns (`boilerplate.extra_patterns`) or replace these.
    public static let defaultPatterns: [String] = [
        // Subscription and newsletter prompts.
        #".{0,40}abone ol"#, #"subscribe( now| today)?"#, #"subscribe to (get|receive) the latest posts( sent to your email)?\.?"#,
        #"sign up (for|to) our (daily |weekly )?newsletter.{0,80}"#, #"discover more from .{1,100}"#,
        #"get the latest news.{0,60}(inbox|email)\.?"#, #"bültenimize abone olun.{0,60}"#,
        #"подпишитесь.{0,80}"#, #"newsletter abonnieren.{0,60}"#, #"abonnez-vous.{0,60}"#, #"suscríbete.{0,60}"#,
        #"اشترك.{0,60}"#,
        // Comment forms.
        #"leave a (reply|comment)"#, #"(\d+ )?comments?"#, #"cancel reply"#, #"post comment"#,
        #"your email address will not be published\..{0,80}"#, #"required fields are marked \*"#,
        #"yorum yap(ın)?"#, #"bir yanıt yazın"#, #"kommentar schreiben"#, #"laisser un commentaire"#,
        // Cross-links.
        #"(read more|see also|also read|read also|more on this|related)\s*:?\s.{1,160}"#,
        #"(related|recommended|more) (articles|posts|stories|news)"#, #"you (may|might) also like.{0,40}"#,
        #"[iİ]lgili haberler"#, #"(bunlar da )?[iİ]lginizi çekebilir"#, #"daha fazla( haber)?"#,
        #"читайте также.{0,160}"#, #"смотрите также.{0,160}"#, #"lesen sie auch.{0,160}"#, #"mehr zum thema.{0,80}"#,
        #"(lire aussi|à lire aussi|voir aussi).{0,160}"#, #"(lee también|leer más|te puede interesar).{0,160}"#,
        #"(اقرأ أيضا|اقرأ أيضاً).{0,160}"#,
        // Navigation and share bars.
        #"back to top( button)?"#, #"(share|share this|share on|tweet|print|email)( (article|story|post))?:?"#,
        #"(follow us|share this article) on .{1,60}"#, #"skip to (main )?content"#, #"advertisement"#,
        #"\|?\s*welcome to [^.!?]{1,60}"#, #".{0,40}öne çıkan"#, #"(featured|trending( now)?|most read|popular)"#,
        #"paylaş"#, #"reklam"#, #"поделиться"#, #"teilen"#, #"partager"#, #"compartir"#,
        // Legal and cookie lines.
        #".{0,60}© ?\d{4}.{0,80}"#, #".{0,60}\(c\) ?\d{4}.{0,80}"#, #".{0,60}copyright ?\d{4}.{0,80}"#, #".{0,80}all rights reserved\.?"#, #"we use cookies.{0,160}"#, #"accept( all)? cookies"#,
    ]

    /// Rules made of the built-in patterns only.
    public static func defaults() -> BoilerplateRules {
        // The built-in patterns are tested to compile; failure here is a programming error.
        try! BoilerplateRules(patterns: defaultPatterns)
    }
}
