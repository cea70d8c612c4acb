import DialogEngine
import Testing
@testable import SecondOpinionServer

/// How a turn reads in Chatwoot: the words with their sources as links, then the question, as
/// options where the channel has them and as a numbered list where it has not.
@Suite struct ChatwootReplyTests {
    static let sources = [
        SourceReference(id: "nza", title: "Second opinion [uitleg]", publisher: "Zorginstituut", url: "https://example.org/so", checked: "2026-11-01"),
        SourceReference(id: "book", title: "Patiëntenwijzer", publisher: "Patiëntenfederatie", url: nil, checked: "2026-10-01"),
    ]

    static func turn(messages: [String] = ["Dat mag altijd.", "Je arts helpt je."], sources: [SourceReference] = sources,
                     question: String? = "Wil je weten hoe je het vraagt?", language: String = "nl") -> Turn {
        Turn(flow: "eligibility", node: "ask", language: language, messages: messages, question: question,
             choices: question == nil ? [] : [.init(number: 1, id: "yes_please", label: "Ja, graag"), .init(number: 2, id: "no", label: "Nee")],
             expects: .init(kind: question == nil ? .none : .choice), sources: sources, plan: [], ended: question == nil,
             outcome: .answered, events: [])
    }

    @Test func onTheWebWidgetTheChoicesAreOptionsWithTheirIds() {
        let replies = ChatwootReply.messages(for: Self.turn(), showsOptions: true)
        #expect(replies == [
            .text("""
                Dat mag altijd.

                Je arts helpt je.

                Bronnen:
                - [Second opinion \\[uitleg\\]](https://example.org/so) (Zorginstituut)
                - Patiëntenwijzer (Patiëntenfederatie)
                """),
            .options("Wil je weten hoe je het vraagt?", [.init(title: "Ja, graag", value: "yes_please"), .init(title: "Nee", value: "no")]),
        ])
    }

    @Test func withoutOptionsTheChoicesAreANumberedListAfterTheSources() {
        let replies = ChatwootReply.messages(for: Self.turn(sources: [Self.sources[0]], language: "en"), showsOptions: false)
        #expect(replies == [
            .text("""
                Dat mag altijd.

                Je arts helpt je.

                Source:
                - [Second opinion \\[uitleg\\]](https://example.org/so) (Zorginstituut)

                Wil je weten hoe je het vraagt?
                1. Ja, graag
                2. Nee
                """),
        ])
    }

    @Test func aQuestionAloneIsOneOptionsMessage() {
        let replies = ChatwootReply.messages(for: Self.turn(messages: [], sources: []), showsOptions: true)
        #expect(replies == [.options("Wil je weten hoe je het vraagt?", [.init(title: "Ja, graag", value: "yes_please"), .init(title: "Nee", value: "no")])])
    }

    /// The engine's offer to switch topic has yes and no as choices and asks in its message:
    /// Chatwoot shows the choices too, so a typed 1 or 2 answers what the person sees.
    @Test func anOfferToSwitchTopicShowsItsChoices() throws {
        var session = TestServer.engine.start(language: "en").0
        _ = TestServer.engine.reply("who pays for a second opinion", in: &session)
        let offer = TestServer.engine.reply("my GP refuses to give me a letter", in: &session)
        #expect(offer.outcome == .switchOffered)
        #expect(offer.question == nil)
        let asked = try #require(offer.messages.last)
        #expect(ChatwootReply.messages(for: offer, showsOptions: false) == [.text(asked + "\n1. Yes\n2. No")])
        #expect(ChatwootReply.messages(for: offer, showsOptions: true) == [.options(asked, [.init(title: "Yes", value: "yes"), .init(title: "No", value: "no")])])
    }

    @Test func anEndedConversationIsJustText() {
        let replies = ChatwootReply.messages(for: Self.turn(messages: ["Succes!"], sources: [], question: nil), showsOptions: true)
        #expect(replies == [.text("Succes!")])
    }

    @Test func theChannelDecidesWhetherOptionsAreShown() {
        let id = ChatwootConversationID(account: 1, conversation: 2)
        #expect(ChatwootTarget(id: id, channel: "Channel::WebWidget").showsOptions)
        #expect(ChatwootTarget(id: id, channel: "Channel::Telegram").showsOptions)
        for channel in ["Channel::Sms", "Channel::Email", "Channel::Api", "Channel::Whatsapp", "Channel::TwilioSms", nil] {
            #expect(!ChatwootTarget(id: id, channel: channel).showsOptions, "\(channel ?? "no channel")")
        }
    }
}
