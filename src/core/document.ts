/**
 * The one typed document that flows through the reading pipeline. Each stage adds exactly one
 * layer; every span in every layer is a character offset into `clean.body`.
 */
import type { DateRange, IsoDay } from './date.js';
import type { Span, TextSpan } from './span.js';
import type { EventType, GeoPrecision, Modality, SubEventType, TruceTag } from './taxonomy.js';

export type MediaType = 'text/plain' | 'text/html';

/** A report as it arrived, already decoded to text (see `ingest/`). */
export interface ReportInput {
  readonly raw: string;
  readonly mediaType: MediaType;
  readonly url?: string;
  /** Publication date given by the user or the feed; wins over anything found in the text. */
  readonly published?: IsoDay;
  readonly sourceName?: string;
}

// ---------------------------------------------------------------- clean

export interface RemovedPiece {
  readonly text: string;
  readonly reason: string;
}

/** One run of body text copied unchanged from the raw input. */
export interface OffsetSegment {
  readonly body: number;
  readonly raw: number;
  readonly length: number;
}

export interface Dateline extends TextSpan {
  /** The place named by the dateline, e.g. "Hangzhou, China". */
  readonly place: string | null;
  /** The agency named by the dateline, e.g. "Reuters". */
  readonly agency: string | null;
}

export interface CleanLayer {
  readonly body: string;
  readonly headline: string | null;
  readonly byline: string | null;
  readonly dateline: Dateline | null;
  readonly published: IsoDay | null;
  /** Where `published` came from. */
  readonly publishedFrom: 'input' | 'metadata' | 'text' | null;
  readonly removed: readonly RemovedPiece[];
  /** Ordered segments mapping body offsets back to raw offsets (see `bodyToRaw`). */
  readonly offsets: readonly OffsetSegment[];
  readonly warnings: readonly string[];
}

// ---------------------------------------------------------------- sentences

export interface Token extends Span {
  /** Universal POS tag from wink-nlp (NOUN, PROPN, VERB ...). */
  readonly pos: string;
}

export interface Sentence extends Span {
  readonly paragraph: number;
  /** Index of the sentence's first token in `tokens`, and one past its last. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

export interface SentencesLayer {
  readonly paragraphs: readonly Span[];
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  /** Share of tokens that are common English function words (0..1). */
  readonly englishScore: number;
  readonly english: boolean;
  readonly warnings: readonly string[];
}

// ---------------------------------------------------------------- entities

export type EntityType = 'person' | 'organization' | 'place' | 'group';

/** An armed or political actor as ACLED names it, with the side it belongs to. */
export interface ActorRef {
  /** ACLED-style actor name, e.g. "Military Forces of Syria". */
  readonly name: string;
  /** Side id from the actor dictionary, e.g. "syrian-government"; null when unknown. */
  readonly side: string | null;
  /** ISO 3166-1 alpha-2 code of the actor's country, when it has one. */
  readonly country: string | null;
  /** True for a generic mention ("government forces", "rebels") resolved through context. */
  readonly generic: boolean;
}

export interface Entity extends TextSpan {
  readonly type: EntityType;
  readonly canonical: string;
  readonly actor: ActorRef | null;
  /** How it was found: a dictionary entry, a rule, or coreference to an earlier mention. */
  readonly via: 'dictionary' | 'rule' | 'coreference';
}

export interface EntitiesLayer {
  readonly entities: readonly Entity[];
  readonly warnings: readonly string[];
}

// ---------------------------------------------------------------- places

export type PlaceKind = 'country' | 'admin1' | 'city' | 'district' | 'facility' | 'route' | 'region';

export interface PlaceMention extends TextSpan {
  readonly name: string;
  readonly kind: PlaceKind;
  /** ISO 3166-1 alpha-2. */
  readonly country: string | null;
  readonly countryName: string | null;
  readonly admin1: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly geoPrecision: GeoPrecision;
  /** The government a capital stands for when it acts ("Moscow has backed Assad"). */
  readonly metonymFor: string | null;
}

export interface PlacesLayer {
  readonly places: readonly PlaceMention[];
  /** Countries the report is about, most likely first (ISO alpha-2). */
  readonly countryContext: readonly string[];
  readonly warnings: readonly string[];
}

// ---------------------------------------------------------------- mentions

export type MentionType = 'person' | 'organization' | 'place';

/**
 * A mention that the names layers do not give as it is read: a pronoun ("he", "we"), a noun phrase
 * headed by a common noun ("the town", "the Iraqi security forces", "civilians"), or a country
 * named as its acting state ("the UK said": an organisation, where the places layer has a place).
 * Groups of people are organisations.
 */
export interface Mention extends TextSpan {
  readonly type: MentionType;
  readonly kind: 'pronoun' | 'nominal' | 'state';
  /** The pronoun itself, the phrase's head noun ("forces"), or the country's name. */
  readonly head: TextSpan;
  readonly plural: boolean;
}

export interface MentionsLayer {
  readonly mentions: readonly Mention[];
  readonly warnings: readonly string[];
}

// ---------------------------------------------------------------- dates

export interface DateMention extends TextSpan {
  /** Null when the date is relative and there is no publication date to resolve it against. */
  readonly range: DateRange | null;
  readonly relative: boolean;
}

export interface DatesLayer {
  readonly dates: readonly DateMention[];
  readonly warnings: readonly string[];
}

// ---------------------------------------------------------------- quotes

export interface Quote extends TextSpan {
  readonly kind: 'direct' | 'indirect';
  /** Canonical name of the speaker, or a description ("unnamed senior official"). */
  readonly speaker: string | null;
  readonly speakerMention: TextSpan | null;
  readonly cue: TextSpan | null;
}

export interface QuotesLayer {
  readonly quotes: readonly Quote[];
  readonly warnings: readonly string[];
}

// ---------------------------------------------------------------- events

export interface ConflictEvent extends TextSpan {
  readonly eventType: EventType;
  readonly subEventType: SubEventType;
  readonly tags: readonly TruceTag[];
  readonly actor1: string | null;
  readonly assocActor1: string | null;
  readonly actor2: string | null;
  readonly assocActor2: string | null;
  readonly location: PlaceMention | null;
  /** Null when the event's date cannot be resolved. */
  readonly date: DateRange | null;
  readonly fatalities: number | null;
  readonly modality: Modality;
  /** Who the report says the information comes from ("Syrian Observatory for Human Rights"). */
  readonly source: string | null;
  /** The word or phrase that signals the event ("recaptured"). */
  readonly trigger: TextSpan;
  /** True when the event is background to the story (an earlier date than the story's news). */
  readonly background: boolean;
  readonly confidence: number;
}

export interface EventsLayer {
  readonly events: readonly ConflictEvent[];
  readonly warnings: readonly string[];
}

// ---------------------------------------------------------------- the document

export interface Layers {
  clean: CleanLayer;
  sentences: SentencesLayer;
  entities: EntitiesLayer;
  places: PlacesLayer;
  mentions: MentionsLayer;
  dates: DatesLayer;
  quotes: QuotesLayer;
  events: EventsLayer;
}

export type LayerName = keyof Layers;

export type Doc = { readonly input: ReportInput } & { readonly [K in LayerName]?: Layers[K] };
