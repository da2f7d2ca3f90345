/**
 * Demo contacts: a FICTIONAL address book of the City of Duisburg's Office of
 * Communication (about 200 entries). Every person and every organisation name
 * is invented; streets and postcodes are real Duisburg ones, house numbers and
 * phone numbers are generated. Deterministic: a seeded PRNG, no Math.random.
 *
 * Links are expressed as refs (`organisationRef`, `partnerRef`); the loader
 * inserts the contacts and sets `organisationId`/`partnerId` from them.
 */
import type { ContactInput } from '../../api/schemas/contacts';
import { foldGerman } from '../../domain/text/fold';

export type DemoContact = {
  ref: string;
  data: ContactInput;
  /** Ref of the organisation contact the person belongs to. */
  organisationRef?: string;
  /** Ref of the spouse or partner; always mutual. */
  partnerRef?: string;
};

type Tag =
  | 'Konsularisches Korps'
  | 'Vereine'
  | 'Presse'
  | 'Religionsgemeinschaften'
  | 'Partnerstädte'
  | 'Rat der Stadt'
  | 'Wirtschaft'
  | 'Neujahrsempfang'
  | 'Bürgerschaft'
  // Communities the greetings plan (Grußkalender) writes to on their high days.
  | 'Jüdische Gemeinde'
  | 'Muslimische Gemeinden'
  | 'Orthodoxe Gemeinden'
  | 'Chinesische Gemeinde';

type Gender = 'female' | 'male' | 'diverse' | 'unknown';
type Language = 'de' | 'en' | 'fr';

type Place = {
  street: string;
  houseNumber: string;
  addressAddition?: string;
  postcode: string;
  city: string;
  country?: string;
};

/** Real Duisburg districts, postcodes and streets. */
export const DISTRICTS = {
  mitte: { postcode: '47051', streets: ['Königstraße', 'Sonnenwall', 'Kuhstraße', 'Schwanenstraße', 'Beekstraße'] },
  innenhafen: { postcode: '47051', streets: ['Philosophenweg', 'Holzhafen', 'Schifferstraße'] },
  hochfeld: { postcode: '47053', streets: ['Wanheimer Straße', 'Heerstraße', 'Paulusstraße'] },
  neudorf: { postcode: '47057', streets: ['Lotharstraße', 'Oststraße', 'Grabenstraße', 'Sternbuschweg'] },
  duissern: { postcode: '47058', streets: ['Mülheimer Straße', 'Falkstraße', 'Duissernplatz'] },
  ruhrort: { postcode: '47119', streets: ['Dammstraße', 'Harmoniestraße', 'Fabrikstraße', 'Friedrich-Wilhelm-Straße'] },
  meiderich: { postcode: '47137', streets: ['Von-der-Mark-Straße', 'Bahnhofstraße', 'Emscherstraße'] },
  beeck: { postcode: '47139', streets: ['Flottenstraße', 'Beecker Straße'] },
  hamborn: { postcode: '47166', streets: ['Duisburger Straße', 'Jägerstraße', 'Hamborner Altmarkt'] },
  marxloh: { postcode: '47169', streets: ['Weseler Straße', 'Kaiser-Wilhelm-Straße', 'Warbruckstraße'] },
  walsum: { postcode: '47179', streets: ['Friedrich-Ebert-Straße', 'Kometenplatz', 'Römerstraße'] },
  homberg: { postcode: '47198', streets: ['Augustastraße', 'Moerser Straße', 'Bismarckplatz'] },
  baerl: { postcode: '47199', streets: ['Grafschafter Straße', 'Schulstraße'] },
  rheinhausen: { postcode: '47226', streets: ['Friedrich-Alfred-Straße', 'Atroper Straße', 'Krefelder Straße'] },
  friemersheim: { postcode: '47229', streets: ['Kaiserstraße', 'Dorfstraße'] },
  buchholz: { postcode: '47249', streets: ['Sittardsberger Allee', 'Münchener Straße'] },
  huckingen: { postcode: '47259', streets: ['Düsseldorfer Landstraße', 'Angerhauser Straße'] },
  grossenbaum: { postcode: '47269', streets: ['Großenbaumer Allee', 'Lauenburger Allee'] },
  wedau: { postcode: '47279', streets: ['Masurenallee', 'Wedauer Straße'] },
} as const;
export type District = keyof typeof DISTRICTS;

/** Places outside Duisburg: street, postcode, city, country, phone prefix. */
const ELSEWHERE = {
  berlin: { streets: ['Wilhelmstraße', 'Unter den Linden', 'Friedrichstraße'], postcode: '10117', city: 'Berlin', phone: '030' },
  duesseldorf: { streets: ['Königsallee', 'Cecilienallee', 'Kaiserswerther Straße'], postcode: '40474', city: 'Düsseldorf', phone: '0211' },
  essen: { streets: ['Zwölfling', 'Huyssenallee', 'Alfredstraße'], postcode: '45127', city: 'Essen', phone: '0201' },
  koeln: { streets: ['Lindenallee', 'Bonner Straße'], postcode: '50968', city: 'Köln', phone: '0221' },
  wesel: { streets: ['Reeser Landstraße', 'Kaiserring'], postcode: '46483', city: 'Wesel', phone: '0281' },
  muelheim: { streets: ['Ruhrstraße', 'Schloßstraße'], postcode: '45468', city: 'Mülheim an der Ruhr', phone: '0208' },
  wolfenbuettel: { streets: ['Dietrich-Bonhoeffer-Straße', 'Lessingplatz'], postcode: '38300', city: 'Wolfenbüttel', phone: '05331' },
} as const;
type Elsewhere = keyof typeof ELSEWHERE;

const PRIVATE_DOMAINS = ['example.org', 'example.de', 'example.com', 'example.net'] as const;

/** Lower-case ASCII for e-mail addresses ("Müller-Lüdenscheidt" → "mueller-luedenscheidt"). */
function asciiSlug(value: string): string {
  return foldGerman(value)
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9.-]/g, '');
}

/** mulberry32: a tiny deterministic PRNG. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type OrgSpec = {
  tags: Tag[];
  /** Domain for the organisation's own e-mail addresses (info@… and staff). */
  domain: string;
  language?: Language;
  phone?: string;
  email?: string;
  notes?: string;
};

type PersonSpec = {
  gender: Gender;
  given: string;
  surname: string;
  degrees?: string;
  affix?: string;
  role?: string;
  detail?: string;
  former?: boolean;
  org?: string;
  at: Place;
  tags: Tag[];
  language?: Language;
  /** Explicit address; null: none; default: derived from name and organisation. */
  email?: string | null;
  /** Explicit number; null: none; default: generated for the place. */
  phone?: string | null;
  notes?: string;
};

type SpouseSpec = Partial<Omit<PersonSpec, 'gender' | 'given'>> & { gender: Gender; given: string };

/** Tags a spouse inherits: invitations go to couples, functions do not. */
const SHARED_TAGS: readonly Tag[] = ['Neujahrsempfang', 'Partnerstädte', 'Konsularisches Korps', 'Bürgerschaft'];

class DemoBook {
  readonly contacts: DemoContact[] = [];
  private readonly byRef = new Map<string, DemoContact>();
  private readonly domains = new Map<string, string>();
  private readonly specs = new Map<string, PersonSpec>();
  private readonly random = createRandom(0x4705_1203);

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private pick<T>(list: readonly T[]): T {
    return list[this.int(0, list.length - 1)]!;
  }

  private houseNumber(): string {
    const number = String(this.int(1, 160));
    return this.random() < 0.12 ? `${number}${this.pick(['a', 'b'])}` : number;
  }

  /** A Duisburg address in the given district. */
  duisburg(district: District, addressAddition?: string): Place {
    const { postcode, streets } = DISTRICTS[district];
    return { street: this.pick(streets), houseNumber: this.houseNumber(), postcode, city: 'Duisburg', ...(addressAddition ? { addressAddition } : {}) };
  }

  /** A German address outside Duisburg. */
  elsewhere(place: Elsewhere, addressAddition?: string): Place {
    const { postcode, streets, city } = ELSEWHERE[place];
    return { street: this.pick(streets), houseNumber: this.houseNumber(), postcode, city, ...(addressAddition ? { addressAddition } : {}) };
  }

  phoneFor(place: Place, extension = false): string {
    if (place.country === 'Vereinigtes Königreich') return `+44 23 92${this.int(10, 99)} ${this.int(1000, 9999)}`;
    if (place.country === 'Frankreich') return `+33 3 21 ${this.int(10, 99)} ${this.int(10, 99)} ${this.int(10, 99)}`;
    if (place.country === 'USA') return `+1 954 ${this.int(200, 999)}-${this.int(1000, 9999)}`;
    const other = Object.values(ELSEWHERE).find((entry) => entry.city === place.city);
    const prefix = other ? other.phone : '0203';
    return extension ? `${prefix} ${this.int(2000, 9999)}-0` : `${prefix} ${this.int(200000, 999999)}`;
  }

  private add(contact: DemoContact): void {
    if (this.byRef.has(contact.ref)) throw new Error(`Demo contact ref used twice: ${contact.ref}`);
    this.byRef.set(contact.ref, contact);
    this.contacts.push(contact);
  }

  org(ref: string, name: string, at: Place, spec: OrgSpec): void {
    this.domains.set(ref, spec.domain);
    this.add({
      ref,
      data: {
        kind: 'organisation',
        name,
        street: at.street,
        houseNumber: at.houseNumber,
        addressAddition: at.addressAddition ?? '',
        postcode: at.postcode,
        city: at.city,
        country: at.country ?? '',
        email: spec.email ?? `info@${spec.domain}`,
        phone: spec.phone ?? this.phoneFor(at, true),
        language: spec.language ?? 'de',
        tags: spec.tags,
        notes: spec.notes ?? '',
      },
    });
  }

  person(ref: string, spec: PersonSpec): void {
    if (spec.org !== undefined && !this.domains.has(spec.org)) {
      throw new Error(`Demo contact ${ref}: unknown organisation ${spec.org}`);
    }
    const domain = spec.org !== undefined ? this.domains.get(spec.org)! : this.pick(PRIVATE_DOMAINS);
    // Name particles belong to the surname ("ingrid.vandermeulen"); titles of nobility do not.
    const particles = (spec.affix ?? '').split(/\s+/).filter((word) => /^(von|van|der|de|zu|vom)$/i.test(word));
    const local = `${asciiSlug(spec.given)}.${asciiSlug(particles.join('') + spec.surname)}`;
    const email = spec.email === null ? '' : (spec.email ?? `${local}@${domain}`);
    const phone = spec.phone === null ? '' : (spec.phone ?? this.phoneFor(spec.at));
    this.specs.set(ref, spec);
    this.add({
      ref,
      data: {
        kind: 'person',
        gender: spec.gender,
        degrees: spec.degrees ?? '',
        givenName: spec.given,
        nameAffix: spec.affix ?? '',
        surname: spec.surname,
        roleKey: spec.role ?? '',
        roleDetail: spec.detail ?? '',
        former: spec.former ?? false,
        organisationId: null,
        partnerId: null,
        street: spec.at.street,
        houseNumber: spec.at.houseNumber,
        addressAddition: spec.at.addressAddition ?? '',
        postcode: spec.at.postcode,
        city: spec.at.city,
        country: spec.at.country ?? '',
        email,
        phone,
        language: spec.language ?? 'de',
        tags: spec.tags,
        notes: spec.notes ?? '',
      },
      ...(spec.org !== undefined ? { organisationRef: spec.org } : {}),
    });
  }

  /**
   * Adds the spouse or partner of an existing person and links both ways. By
   * default the spouse shares surname, home address, language and the shared tags.
   */
  spouse(ofRef: string, ref: string, spec: SpouseSpec): void {
    const partnerSpec = this.specs.get(ofRef);
    const partner = this.byRef.get(ofRef);
    if (!partnerSpec || !partner) throw new Error(`Demo contact ${ref}: unknown partner ${ofRef}`);
    this.person(ref, {
      surname: partnerSpec.surname,
      at: { ...partnerSpec.at, addressAddition: '' },
      tags: partnerSpec.tags.filter((tag) => SHARED_TAGS.includes(tag)),
      email: null,
      phone: null,
      ...(partnerSpec.language ? { language: partnerSpec.language } : {}),
      ...(partnerSpec.affix && spec.affix === undefined ? { affix: partnerSpec.affix } : {}),
      ...spec,
    });
    partner.partnerRef = ref;
    this.byRef.get(ref)!.partnerRef = ofRef;
  }
}

/** The demo address book (about 200 contacts); the same on every call. */
export function buildDemoContacts(): DemoContact[] {
  const b = new DemoBook();
  addOrganisations(b);
  addFederalAndState(b);
  addConsularCorps(b);
  addReligiousCommunities(b);
  addCityAndRegion(b);
  addClubsAndBusiness(b);
  addPartnerCities(b);
  addPressAndEducation(b);
  addCitizens(b);
  return b.contacts;
}

function addOrganisations(b: DemoBook): void {
  // Clubs (Vereine)
  const club: Tag[] = ['Vereine', 'Neujahrsempfang'];
  b.org('org:ruderverein', 'Ruhrorter Ruderverein 1885 e. V.', b.duisburg('ruhrort'), { tags: club, domain: 'ruderverein-ruhrort.example.de' });
  b.org('org:buergerverein-neudorf', 'Bürgerverein Duisburg-Neudorf e. V.', b.duisburg('neudorf'), { tags: ['Vereine'], domain: 'buergerverein-neudorf.example.de' });
  b.org('org:heimatverein-walsum', 'Heimatverein Walsum 1921 e. V.', b.duisburg('walsum'), { tags: ['Vereine'], domain: 'heimatverein-walsum.example.de' });
  b.org('org:kg-meiderich', 'Karnevalsgesellschaft Rot-Weiß Meiderich e. V.', b.duisburg('meiderich'), { tags: club, domain: 'rot-weiss-meiderich.example.de' });
  b.org('org:tus-homberg', 'Turn- und Sportverein Homberg 1890 e. V.', b.duisburg('homberg'), { tags: ['Vereine'], domain: 'tus-homberg.example.de' });
  b.org('org:foerderverein-park', 'Förderverein Landschaftspark Nord e. V.', b.duisburg('meiderich'), { tags: club, domain: 'foerderverein-park-nord.example.org' });
  b.org('org:kulturverein-marxloh', 'Deutsch-Türkischer Kulturverein Marxloh e. V.', b.duisburg('marxloh'), { tags: club, domain: 'kulturverein-marxloh.example.org' });
  b.org('org:freundeskreis-portsmouth', 'Freundeskreis Duisburg–Portsmouth e. V.', b.duisburg('mitte'), { tags: ['Vereine', 'Partnerstädte'], domain: 'freundeskreis-portsmouth.example.de' });
  b.org('org:schuetzen-huckingen', 'Schützenbruderschaft St. Hubertus Huckingen 1848 e. V.', b.duisburg('huckingen'), { tags: ['Vereine'], domain: 'hubertus-huckingen.example.de' });
  b.org('org:chinesischer-verein', 'Chinesischer Kulturverein Duisburg e. V.', b.duisburg('neudorf'), { tags: ['Vereine'], domain: 'chinesischer-verein-duisburg.example.org' });
  b.org('org:kunstverein-rheinhausen', 'Kunstverein Rheinhausen e. V.', b.duisburg('rheinhausen'), { tags: ['Vereine'], domain: 'kunstverein-rheinhausen.example.org' });

  // Business (Wirtschaft)
  const business: Tag[] = ['Wirtschaft', 'Neujahrsempfang'];
  b.org('org:hafenlogistik', 'Hafenlogistik Ruhrort GmbH', b.duisburg('ruhrort'), { tags: business, domain: 'hafenlogistik-ruhrort.example.com' });
  b.org('org:stahl-draht', 'Niederrhein Stahl und Draht AG', b.duisburg('hamborn'), { tags: business, domain: 'niederrhein-stahl.example.com' });
  b.org('org:energie', 'Rhein-Emscher Energie AG', b.duisburg('neudorf'), { tags: business, domain: 'rhein-emscher-energie.example.com' });
  b.org('org:baeckerei', 'Bäckerei Schüttler GmbH & Co. KG', b.duisburg('marxloh'), { tags: ['Wirtschaft'], domain: 'baeckerei-schuettler.example.de' });
  b.org('org:brauhaus', 'Brauhaus am Innenhafen GmbH', b.duisburg('innenhafen'), { tags: ['Wirtschaft'], domain: 'brauhaus-innenhafen.example.de' });
  b.org('org:reederei', 'Binnenreederei Kessler & Söhne GmbH', b.duisburg('ruhrort'), { tags: ['Wirtschaft'], domain: 'reederei-kessler.example.de' });
  b.org('org:projektentwicklung', 'Innenhafen Projektentwicklung AG', b.duisburg('innenhafen'), { tags: business, domain: 'innenhafen-projekt.example.com' });
  b.org('org:werft', 'Ruhrorter Schiffswerft und Maschinenbau GmbH', b.duisburg('ruhrort'), { tags: ['Wirtschaft'], domain: 'ruhrorter-werft.example.com' });

  // Religious communities (Religionsgemeinschaften)
  const faith: Tag[] = ['Religionsgemeinschaften', 'Neujahrsempfang'];
  b.org('org:ev-rheinbogen', 'Evangelische Kirchengemeinde Am Rheinbogen', b.duisburg('hochfeld'), { tags: faith, domain: 'ev-rheinbogen.example.org' });
  b.org('org:kath-hildegard', 'Katholische Pfarrei St. Hildegard Duisburg-Nord', b.duisburg('hamborn'), { tags: faith, domain: 'st-hildegard.example.org' });
  b.org('org:orthodox', 'Griechisch-Orthodoxe Kirchengemeinde Hl. Nikolaos', b.duisburg('hochfeld'), { tags: ['Religionsgemeinschaften'], domain: 'agios-nikolaos.example.org' });
  b.org('org:moschee-hochfeld', 'Islamische Gemeinde Hochfeld e. V. (Yunus-Emre-Moschee)', b.duisburg('hochfeld'), { tags: faith, domain: 'moschee-hochfeld.example.org' });
  b.org('org:moschee-walsum', 'Türkisch-Islamische Gemeinde Walsum e. V. (Mevlana-Moschee)', b.duisburg('walsum'), { tags: ['Religionsgemeinschaften'], domain: 'mevlana-walsum.example.org' });
  b.org('org:juedische-gemeinde', 'Jüdische Kultusgemeinde Rhein-Ruhr', b.duisburg('innenhafen'), { tags: faith, domain: 'jkg-rhein-ruhr.example.org' });

  // Schools and university
  b.org('org:gymnasium', 'Städtisches Gymnasium am Kaiserberg', b.duisburg('duissern'), { tags: ['Bürgerschaft'], domain: 'gymnasium-kaiserberg.example.de' });
  b.org('org:gesamtschule', 'Gesamtschule Rheinaue Walsum', b.duisburg('walsum'), { tags: ['Bürgerschaft'], domain: 'gesamtschule-rheinaue.example.de' });
  b.org('org:grundschule', 'Städtische Gemeinschaftsgrundschule Am Rheindeich', b.duisburg('homberg'), { tags: ['Bürgerschaft'], domain: 'ggs-rheindeich.example.de' });
  b.org('org:universitaet', 'Niederrhein-Universität Duisburg', b.duisburg('neudorf'), { tags: ['Neujahrsempfang'], domain: 'niederrhein-uni.example.de' });

  // Consular corps (Konsularisches Korps)
  const consular: Tag[] = ['Konsularisches Korps'];
  b.org('org:gk-tuerkei', 'Generalkonsulat der Republik Türkei', b.elsewhere('essen'), { tags: consular, domain: 'gk-tuerkei-essen.example.org' });
  b.org('org:gk-niederlande', 'Generalkonsulat des Königreichs der Niederlande', b.elsewhere('duesseldorf'), { tags: consular, domain: 'gk-niederlande.example.org' });
  b.org('org:gk-griechenland', 'Generalkonsulat der Hellenischen Republik', b.elsewhere('duesseldorf'), { tags: consular, domain: 'gk-griechenland.example.org' });
  b.org('org:gk-polen', 'Generalkonsulat der Republik Polen', b.elsewhere('koeln'), { tags: consular, domain: 'gk-polen.example.org' });
  b.org('org:hk-litauen', 'Honorarkonsulat der Republik Litauen', b.duisburg('mitte'), { tags: consular, domain: 'hk-litauen-duisburg.example.org' });
  b.org('org:hk-honduras', 'Honorarkonsulat der Republik Honduras', b.duisburg('neudorf'), { tags: consular, domain: 'hk-honduras-duisburg.example.org' });

  // Press (Presse)
  b.org('org:tageblatt', 'Duisburger Tageblatt', b.duisburg('mitte', 'Lokalredaktion'), { tags: ['Presse'], domain: 'duisburger-tageblatt.example.de' });
  b.org('org:kurier', 'Niederrhein-Kurier', b.duisburg('hamborn', 'Redaktion Duisburg-Nord'), { tags: ['Presse'], domain: 'niederrhein-kurier.example.de' });
  b.org('org:radio', 'Radio Hafenstadt 98,4', b.duisburg('innenhafen'), { tags: ['Presse'], domain: 'radio-hafenstadt.example.de' });
  b.org('org:ruhrwelle', 'Ruhrwelle TV', b.duisburg('neudorf', 'Studio Duisburg'), { tags: ['Presse'], domain: 'ruhrwelle-tv.example.de' });

  // Partner cities (Partnerstädte)
  b.org(
    'org:portsmouth',
    'Portsmouth City Council',
    { street: 'Guildhall Square', houseNumber: '', addressAddition: 'Civic Offices', postcode: 'PO1 2AJ', city: 'Portsmouth', country: 'Vereinigtes Königreich' },
    { tags: ['Partnerstädte'], domain: 'portsmouth-council.example.org', language: 'en' },
  );
  b.org(
    'org:calais',
    'Ville de Calais',
    { street: 'Place du Soldat Inconnu', houseNumber: '', addressAddition: 'Hôtel de Ville', postcode: '62100', city: 'Calais', country: 'Frankreich' },
    { tags: ['Partnerstädte'], domain: 'ville-calais.example.org', language: 'fr' },
  );
  b.org(
    'org:fort-lauderdale',
    'City of Fort Lauderdale',
    { street: 'North Andrews Avenue', houseNumber: '121', addressAddition: 'City Hall', postcode: 'FL 33301', city: 'Fort Lauderdale', country: 'USA' },
    { tags: ['Partnerstädte'], domain: 'fortlauderdale-city.example.org', language: 'en' },
  );
}

function addFederalAndState(b: DemoBook): void {
  const guests: Tag[] = ['Neujahrsempfang'];
  b.person('p:altmeppen-reinhard', {
    gender: 'male', degrees: 'Dr.', given: 'Reinhard', surname: 'Altmeppen', role: 'bundespraesident',
    at: b.elsewhere('berlin', 'Bundespräsidialamt'), tags: [], email: 'buergerbuero@bundespraesidialamt.example.de',
  });
  b.person('p:wendelstein-katharina', {
    gender: 'female', degrees: 'Dr.', given: 'Katharina', surname: 'Wendelstein', role: 'bundeskanzler',
    at: b.elsewhere('berlin', 'Bundeskanzleramt'), tags: [], email: 'kontakt@bundeskanzleramt.example.de',
  });
  b.person('p:hollwege-margarete', {
    gender: 'female', given: 'Margarete', surname: 'Hollwege', role: 'bundestagspraesident',
    at: b.elsewhere('berlin', 'Deutscher Bundestag'), tags: [],
  });
  b.person('p:ebbinghaus-tobias', {
    gender: 'male', given: 'Tobias', surname: 'Ebbinghaus', role: 'bundesminister', detail: 'für Arbeit und Soziales',
    at: b.elsewhere('berlin'), tags: [],
  });
  b.person('p:kellermann-roth-sabine', {
    gender: 'female', degrees: 'Dr.', given: 'Sabine', surname: 'Kellermann-Roth', role: 'bundesminister',
    detail: 'für Bildung und Forschung', at: b.elsewhere('berlin'), tags: [],
  });
  b.person('p:oberwinter-friedhelm', {
    gender: 'male', degrees: 'Prof. Dr.', given: 'Friedhelm', surname: 'Oberwinter', role: 'bundesminister', former: true,
    at: b.duisburg('wedau'), tags: guests, notes: 'Bundesminister a. D., lebt seit 2019 wieder in Wedau.',
  });
  b.person('p:tiefenbach-joerg', {
    gender: 'male', given: 'Jörg', surname: 'Tiefenbach', role: 'ministerpraesident',
    at: b.elsewhere('duesseldorf', 'Staatskanzlei'), tags: guests,
  });
  b.spouse('p:tiefenbach-joerg', 'p:lorenz-susanne', {
    gender: 'female', degrees: 'Dr.', given: 'Susanne', surname: 'Lorenz', at: b.elsewhere('duesseldorf'),
  });
  b.person('p:brackelmann-ulrike', {
    gender: 'female', given: 'Ulrike', surname: 'Brackelmann', role: 'landtagspraesident',
    at: b.elsewhere('duesseldorf', 'Landtag Nordrhein-Westfalen'), tags: guests,
  });
  b.person('p:severin-martin', {
    gender: 'male', degrees: 'Dr.', given: 'Martin', surname: 'Severin', role: 'landesminister',
    detail: 'für Kultur und Wissenschaft des Landes Nordrhein-Westfalen', at: b.elsewhere('duesseldorf'), tags: [],
  });
  b.person('p:demirtas-aylin', {
    gender: 'female', given: 'Aylin', surname: 'Demirtaş', role: 'landesminister',
    detail: 'für Kinder, Jugend und Familie des Landes Nordrhein-Westfalen', at: b.elsewhere('duesseldorf'), tags: guests,
  });
  b.person('p:luedeking-brandt-annette', {
    gender: 'female', degrees: 'Dr.', given: 'Annette', surname: 'Lüdeking-Brandt', role: 'regierungspraesident',
    at: b.elsewhere('duesseldorf', 'Bezirksregierung Düsseldorf'), tags: guests,
  });
  // Parliamentarians: constituency offices in Duisburg
  b.person('p:schwerdtfeger-lennart', {
    gender: 'male', given: 'Lennart', surname: 'Schwerdtfeger', role: 'mdep',
    at: b.duisburg('mitte', 'Europabüro'), tags: guests,
  });
  b.person('p:abendroth-miriam', {
    gender: 'female', degrees: 'Dr.', given: 'Miriam', surname: 'Abendroth', role: 'mdep',
    at: b.duisburg('rheinhausen', 'Europabüro'), tags: guests,
  });
  b.person('p:huelsmann-sebastian', {
    gender: 'male', given: 'Sebastian', surname: 'Hülsmann', role: 'mdb',
    at: b.duisburg('hamborn', 'Wahlkreisbüro'), tags: guests,
  });
  b.person('p:paschke-nadine', {
    gender: 'female', given: 'Nadine', surname: 'Paschke', role: 'mdb',
    at: b.duisburg('neudorf', 'Wahlkreisbüro'), tags: guests,
  });
  b.person('p:aydin-kemal', {
    gender: 'male', degrees: 'Dr.', given: 'Kemal', surname: 'Aydın', role: 'mdb',
    at: b.duisburg('homberg', 'Wahlkreisbüro'), tags: guests,
  });
  b.person('p:lemmerz-frank', {
    gender: 'male', given: 'Frank', surname: 'Lemmerz', role: 'mdl',
    at: b.duisburg('meiderich', 'Bürgerbüro'), tags: guests,
  });
  b.person('p:vollmering-birgit', {
    gender: 'female', given: 'Birgit', surname: 'Vollmering', role: 'mdl',
    at: b.duisburg('buchholz', 'Bürgerbüro'), tags: guests,
  });
  b.person('p:yildirim-serkan', {
    gender: 'male', given: 'Serkan', surname: 'Yıldırım', role: 'mdl',
    at: b.duisburg('marxloh', 'Bürgerbüro'), tags: guests,
  });
}

function addConsularCorps(b: DemoBook): void {
  const corps: Tag[] = ['Konsularisches Korps', 'Neujahrsempfang'];
  b.person('p:petrauskas-jonas', {
    gender: 'male', degrees: 'Dr.', given: 'Jonas', surname: 'Petrauskas', role: 'botschafter', detail: 'der Republik Litauen',
    at: b.elsewhere('berlin', 'Botschaft der Republik Litauen'), tags: ['Konsularisches Korps'],
  });
  b.person('p:whitcombe-eleanor', {
    gender: 'female', given: 'Eleanor', surname: 'Whitcombe', role: 'botschafter',
    detail: 'des Vereinigten Königreichs Großbritannien und Nordirland',
    at: b.elsewhere('berlin', 'Britische Botschaft'), tags: ['Konsularisches Korps'],
  });
  b.person('p:karaca-mehmet-ali', {
    gender: 'male', given: 'Mehmet Ali', surname: 'Karaca', role: 'generalkonsul', detail: 'der Republik Türkei',
    org: 'org:gk-tuerkei', at: b.elsewhere('essen'), tags: corps,
  });
  b.spouse('p:karaca-mehmet-ali', 'p:karaca-elif', { gender: 'female', given: 'Elif' });
  b.person('p:van-der-meulen-ingrid', {
    gender: 'female', given: 'Ingrid', affix: 'van der', surname: 'Meulen', role: 'generalkonsul',
    detail: 'des Königreichs der Niederlande', org: 'org:gk-niederlande', at: b.elsewhere('duesseldorf'), tags: corps,
  });
  b.person('p:papadakis-nikolaos', {
    gender: 'male', degrees: 'Dr.', given: 'Nikolaos', surname: 'Papadakis', role: 'generalkonsul',
    detail: 'der Hellenischen Republik', org: 'org:gk-griechenland', at: b.elsewhere('duesseldorf'), tags: corps,
  });
  b.spouse('p:papadakis-nikolaos', 'p:papadaki-maria', { gender: 'female', given: 'Maria', surname: 'Papadaki' });
  b.person('p:wroblewska-agnieszka', {
    gender: 'female', given: 'Agnieszka', surname: 'Wróblewska', role: 'generalkonsul', detail: 'der Republik Polen',
    org: 'org:gk-polen', at: b.elsewhere('koeln'), tags: corps,
  });
  b.person('p:terhorst-wolfgang', {
    gender: 'male', given: 'Wolfgang', surname: 'Terhorst', role: 'honorarkonsul', detail: 'der Republik Litauen',
    org: 'org:hk-litauen', at: b.duisburg('mitte'), tags: corps,
  });
  b.spouse('p:terhorst-wolfgang', 'p:terhorst-barbara', { gender: 'female', degrees: 'Dr.', given: 'Barbara' });
  b.person('p:rensing-claudia', {
    gender: 'female', degrees: 'Dr.', given: 'Claudia', surname: 'Rensing', role: 'honorarkonsul',
    detail: 'der Republik Honduras', org: 'org:hk-honduras', at: b.duisburg('neudorf'), tags: corps,
  });
}

function addReligiousCommunities(b: DemoBook): void {
  const faith: Tag[] = ['Religionsgemeinschaften', 'Neujahrsempfang'];
  b.person('p:lammersen-franz-josef', {
    gender: 'male', degrees: 'Dr.', given: 'Franz-Josef', surname: 'Lammersen', role: 'bischof_kath', detail: 'von Essen',
    at: b.elsewhere('essen', 'Bischöfliches Generalvikariat'), tags: faith, email: 'bischof@bistum.example.org',
  });
  b.person('p:kleinhanss-dorothee', {
    gender: 'female', degrees: 'Dr.', given: 'Dorothee', surname: 'Kleinhanß', role: 'praeses',
    detail: 'der Evangelischen Kirche im Rheinland', at: b.elsewhere('duesseldorf', 'Landeskirchenamt'), tags: faith,
    email: 'praeses@ekir.example.org',
  });
  b.person('p:ahlhorn-christian', {
    gender: 'male', degrees: 'Dr.', given: 'Christian', surname: 'Ahlhorn', role: 'landesbischof',
    detail: 'der Evangelisch-Lutherischen Landeskirche in Braunschweig', at: b.elsewhere('wolfenbuettel'),
    tags: ['Religionsgemeinschaften'],
  });
  b.person('p:gruenwald-elias', {
    gender: 'male', given: 'Elias', surname: 'Grünwald', role: 'rabbiner',
    detail: 'der Jüdischen Kultusgemeinde Rhein-Ruhr', org: 'org:juedische-gemeinde', at: b.duisburg('innenhafen'), tags: [...faith, 'Jüdische Gemeinde'],
  });
  b.person('p:feldheim-miriam', {
    gender: 'female', degrees: 'Dr.', given: 'Miriam', surname: 'Feldheim', role: 'vorsitz_verein',
    detail: 'der Jüdischen Gemeinde', org: 'org:juedische-gemeinde', at: b.duisburg('innenhafen'), tags: [...faith, 'Jüdische Gemeinde'],
  });
  b.person('p:broekelmann-christiane', {
    gender: 'female', given: 'Christiane', surname: 'Brökelmann', role: 'superintendent',
    detail: 'des Evangelischen Kirchenkreises Duisburg', at: b.duisburg('mitte', 'Haus der Kirche'), tags: faith,
    email: 'superintendentin@kirchenkreis-duisburg.example.org',
  });
  b.person('p:koetter-anne', {
    gender: 'female', given: 'Anne', surname: 'Kötter', role: 'pfarrer', org: 'org:ev-rheinbogen',
    at: b.duisburg('hochfeld'), tags: faith,
  });
  b.person('p:wessling-thomas', {
    gender: 'male', given: 'Thomas', surname: 'Weßling', role: 'pfarrer', org: 'org:kath-hildegard',
    at: b.duisburg('hamborn'), tags: faith,
  });
  b.person('p:antoniadis-georgios', {
    gender: 'male', given: 'Georgios', surname: 'Antoniadis', role: 'pfarrer', org: 'org:orthodox',
    at: b.duisburg('hochfeld'), tags: ['Religionsgemeinschaften', 'Orthodoxe Gemeinden'], notes: 'Erzpriester; Osterempfang nach orthodoxem Kalender.',
  });
  b.person('p:sahinoglu-ahmet', {
    gender: 'male', given: 'Ahmet', surname: 'Şahinoğlu', role: 'imam', detail: 'der Yunus-Emre-Moschee Hochfeld',
    org: 'org:moschee-hochfeld', at: b.duisburg('hochfeld'), tags: faith,
  });
  b.person('p:kaplanoglu-yusuf', {
    gender: 'male', given: 'Yusuf', surname: 'Kaplanoğlu', role: 'imam', detail: 'der Mevlana-Moschee Walsum',
    org: 'org:moschee-walsum', at: b.duisburg('walsum'), tags: ['Religionsgemeinschaften', 'Muslimische Gemeinden'],
  });
  b.person('p:oezdemir-hatice', {
    gender: 'female', given: 'Hatice', surname: 'Özdemir', role: 'vorsitz_verein', detail: 'der Islamischen Gemeinde Hochfeld e. V.',
    org: 'org:moschee-hochfeld', at: b.duisburg('hochfeld'), tags: [...faith, 'Muslimische Gemeinden'],
  });
  b.person('p:li-mei', {
    gender: 'female', given: 'Mei', surname: 'Li', role: 'vorsitz_verein',
    detail: 'des Chinesischen Kulturvereins', org: 'org:chinesischer-verein', at: b.duisburg('neudorf'),
    tags: ['Vereine', 'Chinesische Gemeinde'],
  });
}

function addCityAndRegion(b: DemoBook): void {
  const council: Tag[] = ['Rat der Stadt', 'Neujahrsempfang'];
  // Mayors of Duisburg and neighbours
  b.person('p:hovestadt-petra', {
    gender: 'female', degrees: 'Dr.', given: 'Petra', surname: 'Hovestadt', role: 'oberbuergermeister',
    at: b.duisburg('mitte', 'Rathaus'), tags: council, email: 'oberbuergermeisterin@stadt-duisburg.example.de',
  });
  b.spouse('p:hovestadt-petra', 'p:hovestadt-michael', { gender: 'male', given: 'Michael', at: b.duisburg('duissern') });
  b.person('p:kamphausen-heinz-werner', {
    gender: 'male', given: 'Heinz-Werner', surname: 'Kamphausen', role: 'oberbuergermeister', former: true,
    at: b.duisburg('buchholz'), tags: ['Neujahrsempfang', 'Bürgerschaft'], email: null,
  });
  b.spouse('p:kamphausen-heinz-werner', 'p:kamphausen-gisela', { gender: 'female', given: 'Gisela' });
  b.person('p:hoeltgen-sandra', {
    gender: 'female', given: 'Sandra', surname: 'Höltgen', role: 'oberbuergermeister', detail: 'der Stadt Mülheim an der Ruhr',
    at: b.elsewhere('muelheim', 'Rathaus'), tags: ['Neujahrsempfang'],
  });
  b.person('p:uhlenbrock-gerd', {
    gender: 'male', given: 'Gerd', surname: 'Uhlenbrock', role: 'landrat', detail: 'des Kreises Wesel',
    at: b.elsewhere('wesel', 'Kreishaus'), tags: ['Neujahrsempfang'],
  });
  b.person('p:brackhagen-walter', {
    gender: 'male', degrees: 'Prof. Dr. Dr. h. c.', given: 'Walter', surname: 'Brackhagen', role: 'ehrenbuerger',
    detail: 'der Stadt Duisburg', at: b.duisburg('grossenbaum'), tags: ['Neujahrsempfang', 'Bürgerschaft'],
  });
  b.spouse('p:brackhagen-walter', 'p:brackhagen-ingeborg', { gender: 'female', given: 'Ingeborg' });
  b.person('p:wessendorf-hildegard', {
    gender: 'female', given: 'Hildegard', surname: 'Wessendorf', role: 'ehrenbuerger', detail: 'der Stadt Duisburg',
    at: b.duisburg('ruhrort'), tags: ['Neujahrsempfang', 'Bürgerschaft'], email: null,
  });

  // Deputy mayors
  b.person('p:arslan-guelsen', { gender: 'female', given: 'Gülşen', surname: 'Arslan', role: 'buergermeister', at: b.duisburg('marxloh'), tags: council });
  b.person('p:peuckmann-klaus-dieter', { gender: 'male', given: 'Klaus-Dieter', surname: 'Peuckmann', role: 'buergermeister', at: b.duisburg('beeck'), tags: council });
  b.person('p:heckhoff-renate', { gender: 'female', given: 'Renate', surname: 'Heckhoff', role: 'buergermeister', at: b.duisburg('rheinhausen'), tags: council });
  b.spouse('p:heckhoff-renate', 'p:heckhoff-dieter', { gender: 'male', given: 'Dieter' });
  b.person('p:schaap-elfriede', {
    gender: 'female', given: 'Elfriede', surname: 'Schaap', role: 'buergermeister', former: true,
    at: b.duisburg('baerl'), tags: ['Neujahrsempfang', 'Bürgerschaft'], email: null,
  });

  // District mayors
  const districts: Array<[string, Gender, string, string, District, string]> = [
    ['p:terlinden-juergen', 'male', 'Jürgen', 'Terlinden', 'walsum', 'des Stadtbezirks Walsum'],
    ['p:kaczmarek-marion', 'female', 'Marion', 'Kaczmarek', 'hamborn', 'des Stadtbezirks Hamborn'],
    ['p:wolbring-dirk', 'male', 'Dirk', 'Wolbring', 'meiderich', 'des Stadtbezirks Meiderich/Beeck'],
    ['p:tenhagen-sabine', 'female', 'Sabine', 'Tenhagen', 'homberg', 'des Stadtbezirks Homberg/Ruhrort/Baerl'],
    ['p:kolodziej-uwe', 'male', 'Uwe', 'Kolodziej', 'neudorf', 'des Stadtbezirks Mitte'],
    ['p:brueggemann-oertel-petra', 'female', 'Petra', 'Brüggemann-Oertel', 'rheinhausen', 'des Stadtbezirks Rheinhausen'],
    ['p:kuhlendahl-andreas', 'male', 'Andreas', 'Kuhlendahl', 'huckingen', 'des Stadtbezirks Süd'],
  ];
  for (const [ref, gender, given, surname, district, detail] of districts) {
    b.person(ref, { gender, given, surname, role: 'bezirksbuergermeister', detail, at: b.duisburg(district), tags: council });
  }
  b.spouse('p:terlinden-juergen', 'p:terlinden-monika', { gender: 'female', given: 'Monika' });

  // Council members
  const members: Array<[string, Gender, string, string, District, (string | undefined)?, (string | undefined)?]> = [
    ['p:oeztuerk-hakan', 'male', 'Hakan', 'Öztürk', 'marxloh'],
    ['p:mertens-sabine', 'female', 'Sabine', 'Mertens', 'neudorf'],
    ['p:albrecht-kim', 'diverse', 'Kim', 'Albrecht', 'hochfeld'],
    ['p:heisterkamp-frank', 'male', 'Frank', 'Heisterkamp', 'wedau', 'Dr.'],
    ['p:schulte-bockholt-birgit', 'female', 'Birgit', 'Schulte-Bockholt', 'walsum'],
    ['p:zielinski-marcel', 'male', 'Marcel', 'Zielinski', 'meiderich'],
    ['p:pfeiffer-angelika', 'female', 'Angelika', 'Pfeiffer', 'friemersheim'],
    ['p:von-dorneburg-carl-philipp', 'male', 'Carl-Philipp', 'Dorneburg', 'grossenbaum', undefined, 'von'],
    ['p:wolters-elke', 'female', 'Elke', 'Wolters', 'homberg'],
    ['p:kraemer-detlef', 'male', 'Detlef', 'Krämer', 'beeck'],
    ['p:aksoy-nurcan', 'female', 'Nurcan', 'Aksoy', 'hamborn'],
    ['p:luettenberg-gerd', 'male', 'Gerd', 'Lüttenberg', 'buchholz', 'Prof. Dr.'],
  ];
  for (const [ref, gender, given, surname, district, degrees, affix] of members) {
    b.person(ref, {
      gender, given, surname, role: 'ratsmitglied', at: b.duisburg(district), tags: council,
      ...(degrees ? { degrees } : {}), ...(affix ? { affix } : {}),
    });
  }
  b.spouse('p:oeztuerk-hakan', 'p:oeztuerk-leyla', { gender: 'female', degrees: 'Dr.', given: 'Leyla' });
  b.spouse('p:mertens-sabine', 'p:wirtz-jonas', { gender: 'male', given: 'Jonas', surname: 'Wirtz' });

  // Heads of department, police, courts, university
  const departments: Array<[string, Gender, string, string, string, string?]> = [
    ['p:brandenstein-volker', 'male', 'Volker', 'Brandenstein', 'für Stadtentwicklung und Mobilität', 'Dr.-Ing.'],
    ['p:niehoff-kaya-astrid', 'female', 'Astrid', 'Niehoff-Kaya', 'für Familie, Bildung und Kultur'],
    ['p:kessebohm-tim', 'male', 'Tim', 'Kessebohm', 'für Sicherheit und Recht', 'Dr.'],
    ['p:schwabedissen-martina', 'female', 'Martina', 'Schwabedissen', 'für Finanzen und Digitalisierung'],
  ];
  for (const [ref, gender, given, surname, detail, degrees] of departments) {
    b.person(ref, {
      gender, given, surname, role: 'beigeordneter', detail, at: b.duisburg('mitte', 'Stadtverwaltung'),
      tags: ['Neujahrsempfang'], email: `${ref.slice(2)}@stadt-duisburg.example.de`, ...(degrees ? { degrees } : {}),
    });
  }
  b.person('p:remmert-jutta', {
    gender: 'female', degrees: 'Dr.', given: 'Jutta', surname: 'Remmert', role: 'polizeipraesident',
    at: b.duisburg('hochfeld', 'Polizeipräsidium Duisburg'), tags: ['Neujahrsempfang'],
  });
  b.person('p:liesenfeld-hans-georg', {
    gender: 'male', degrees: 'Dr.', given: 'Hans-Georg', surname: 'Liesenfeld', role: 'gerichtspraesident',
    detail: 'des Landgerichts Duisburg', at: b.duisburg('mitte', 'Landgericht Duisburg'), tags: ['Neujahrsempfang'],
  });
  b.person('p:mertens-habig-beate', {
    gender: 'female', degrees: 'Dr.', given: 'Beate', surname: 'Mertens-Habig', role: 'gerichtspraesident',
    detail: 'des Amtsgerichts Duisburg-Hamborn', at: b.duisburg('hamborn', 'Amtsgericht'), tags: ['Neujahrsempfang'],
  });
  b.person('p:vogelsang-kerstin', {
    gender: 'female', given: 'Kerstin', surname: 'Vogelsang', role: 'richter', detail: 'am Amtsgericht Duisburg',
    at: b.duisburg('mitte', 'Amtsgericht'), tags: [],
  });
  b.person('p:aretz-bernd', {
    gender: 'male', given: 'Bernd', surname: 'Aretz', role: 'richter', detail: 'am Landgericht Duisburg', former: true,
    at: b.duisburg('huckingen'), tags: ['Bürgerschaft'], email: null,
  });
}

function addClubsAndBusiness(b: DemoBook): void {
  const chairs: Array<[string, Gender, string, string, string, string, string?]> = [
    ['p:overhage-klaus', 'male', 'Klaus', 'Overhage', 'org:ruderverein', 'des Ruhrorter Rudervereins 1885 e. V.', 'Dr.-Ing.'],
    ['p:steinkamp-gabriele', 'female', 'Gabriele', 'Steinkamp', 'org:buergerverein-neudorf', 'des Bürgervereins Duisburg-Neudorf e. V.'],
    ['p:lueckenkoetter-heinrich', 'male', 'Heinrich', 'Lückenkötter', 'org:heimatverein-walsum', 'des Heimatvereins Walsum 1921 e. V.'],
    ['p:puschmann-ralf', 'male', 'Ralf', 'Puschmann', 'org:kg-meiderich', 'der Karnevalsgesellschaft Rot-Weiß Meiderich e. V.'],
    ['p:kuehnel-andrea', 'female', 'Andrea', 'Kühnel', 'org:tus-homberg', 'des Turn- und Sportvereins Homberg 1890 e. V.'],
    ['p:haselhoff-erika', 'female', 'Erika', 'Haselhoff', 'org:foerderverein-park', 'des Fördervereins Landschaftspark Nord e. V.', 'Prof. Dr.'],
    ['p:yilmazer-cem', 'male', 'Cem', 'Yılmazer', 'org:kulturverein-marxloh', 'des Deutsch-Türkischen Kulturvereins Marxloh e. V.'],
    ['p:holtkamp-ingrid', 'female', 'Ingrid', 'Holtkamp', 'org:freundeskreis-portsmouth', 'des Freundeskreises Duisburg–Portsmouth e. V.', 'Dr.'],
    ['p:terhoeven-josef', 'male', 'Josef', 'Terhoeven', 'org:schuetzen-huckingen', 'der Schützenbruderschaft St. Hubertus Huckingen 1848 e. V.'],
    ['p:jansen-luca', 'diverse', 'Luca', 'Jansen', 'org:kunstverein-rheinhausen', 'des Kunstvereins Rheinhausen e. V.', 'Dr.'],
  ];
  const districtOf: Record<string, District> = {
    'org:ruderverein': 'ruhrort',
    'org:buergerverein-neudorf': 'neudorf',
    'org:heimatverein-walsum': 'walsum',
    'org:kg-meiderich': 'meiderich',
    'org:tus-homberg': 'homberg',
    'org:foerderverein-park': 'meiderich',
    'org:kulturverein-marxloh': 'marxloh',
    'org:freundeskreis-portsmouth': 'duissern',
    'org:schuetzen-huckingen': 'huckingen',
    'org:kunstverein-rheinhausen': 'rheinhausen',
  };
  for (const [ref, gender, given, surname, org, detail, degrees] of chairs) {
    b.person(ref, {
      gender, given, surname, role: 'vorsitz_verein', detail, org, at: b.duisburg(districtOf[org]!),
      tags: ['Vereine', 'Neujahrsempfang'], ...(degrees ? { degrees } : {}),
    });
  }
  b.spouse('p:overhage-klaus', 'p:overhage-ute', { gender: 'female', given: 'Ute' });
  b.person('p:feuerborn-marlies', {
    gender: 'female', given: 'Marlies', surname: 'Feuerborn', org: 'org:kg-meiderich', at: b.duisburg('meiderich'),
    tags: ['Vereine'], notes: 'Geschäftsführerin der Karnevalsgesellschaft; Ansprechpartnerin für den Prinzenempfang.',
  });

  const managers: Array<[string, Gender, string, string, string, District, (string | undefined)?, (string | undefined)?]> = [
    ['p:sassenberg-katrin', 'female', 'Katrin', 'Sassenberg', 'org:hafenlogistik', 'ruhrort', 'Dr.'],
    ['p:vennemann-ruediger', 'male', 'Rüdiger', 'Vennemann', 'org:stahl-draht', 'hamborn'],
    ['p:lohmar-stefanie', 'female', 'Stefanie', 'Lohmar', 'org:energie', 'neudorf', 'Dr.'],
    ['p:schuettler-bernd', 'male', 'Bernd', 'Schüttler', 'org:baeckerei', 'marxloh'],
    ['p:terbrueggen-nils', 'male', 'Nils', 'Terbrüggen', 'org:brauhaus', 'innenhafen'],
    ['p:kessler-thomas', 'male', 'Thomas', 'Kessler', 'org:reederei', 'ruhrort'],
    ['p:von-hallerbeck-friederike', 'female', 'Friederike', 'Hallerbeck', 'org:projektentwicklung', 'innenhafen', 'Dr.', 'von'],
    ['p:gerlach-yvonne', 'female', 'Yvonne', 'Gerlach', 'org:werft', 'ruhrort'],
  ];
  for (const [ref, gender, given, surname, org, district, degrees, affix] of managers) {
    b.person(ref, {
      gender, given, surname, role: 'geschaeftsfuehrung', org, at: b.duisburg(district), tags: ['Wirtschaft', 'Neujahrsempfang'],
      ...(degrees ? { degrees } : {}), ...(affix ? { affix } : {}),
    });
  }
  b.spouse('p:sassenberg-katrin', 'p:voss-jan-hendrik', {
    gender: 'male', degrees: 'Prof. Dr.', given: 'Jan-Hendrik', surname: 'Voss', at: b.duisburg('wedau'),
  });
}

function addPartnerCities(b: DemoBook): void {
  const partner: Tag[] = ['Partnerstädte', 'Neujahrsempfang'];
  const portsmouth: Place = {
    street: 'Guildhall Square', houseNumber: '', addressAddition: 'Civic Offices', postcode: 'PO1 2AJ', city: 'Portsmouth',
    country: 'Vereinigtes Königreich',
  };
  b.person('p:pendleton-helen', {
    gender: 'female', given: 'Helen', surname: 'Pendleton', role: 'lord_mayor', detail: 'Portsmouth', org: 'org:portsmouth',
    at: portsmouth, tags: partner, language: 'en', email: 'lord.mayor@portsmouth-council.example.org',
  });
  b.spouse('p:pendleton-helen', 'p:pendleton-graham', { gender: 'male', given: 'Graham' });

  const calais: Place = {
    street: 'Place du Soldat Inconnu', houseNumber: '', addressAddition: 'Hôtel de Ville', postcode: '62100', city: 'Calais',
    country: 'Frankreich',
  };
  b.person('p:delacourt-philippe', {
    gender: 'male', given: 'Philippe', surname: 'Delacourt', role: 'maire', detail: 'de Calais', org: 'org:calais',
    at: calais, tags: partner, language: 'fr', email: 'cabinet.maire@ville-calais.example.org',
  });
  b.spouse('p:delacourt-philippe', 'p:morel-isabelle', { gender: 'female', given: 'Isabelle', surname: 'Morel' });
  b.person('p:fontaine-claire', {
    gender: 'female', given: 'Claire', surname: 'Fontaine', org: 'org:calais', at: calais, tags: ['Partnerstädte'],
    language: 'fr', notes: 'Service des relations internationales; spricht kein Deutsch.',
  });

  const fortLauderdale: Place = {
    street: 'North Andrews Avenue', houseNumber: '121', addressAddition: 'City Hall', postcode: 'FL 33301',
    city: 'Fort Lauderdale', country: 'USA',
  };
  b.person('p:whitaker-daniel', {
    gender: 'male', given: 'Daniel', surname: 'Whitaker', role: 'mayor', detail: 'Fort Lauderdale', org: 'org:fort-lauderdale',
    at: fortLauderdale, tags: partner, language: 'en', email: 'mayor@fortlauderdale-city.example.org',
  });
  b.spouse('p:whitaker-daniel', 'p:whitaker-rebecca', { gender: 'female', given: 'Rebecca' });

  // The heads of the other partner, friendship and solidarity cities (the greetings plan writes to them).
  const abroad = (ref: string, spec: Omit<PersonSpec, 'tags' | 'phone'>) => b.person(ref, { ...spec, tags: ['Partnerstädte'], phone: null });
  abroad('p:wang-lihua', {
    gender: 'female', given: 'Lihua', surname: 'Wang', role: 'mayor', detail: 'Wuhan', language: 'en', email: 'mayor@wuhan-city.example.org',
    at: { street: 'Yanjiang Avenue', houseNumber: '', addressAddition: 'Wuhan Municipal People’s Government', postcode: '430014', city: 'Wuhan', country: 'China' },
  });
  abroad('p:zhou-jianguo', {
    gender: 'male', given: 'Jianguo', surname: 'Zhou', role: 'mayor', detail: 'Qingdao', language: 'en', email: 'mayor@qingdao-city.example.org',
    at: { street: 'Hong Kong Middle Road', houseNumber: '', addressAddition: 'Qingdao Municipal People’s Government', postcode: '266071', city: 'Qingdao', country: 'China' },
  });
  abroad('p:kazlauskiene-ruta', {
    gender: 'female', given: 'Rūta', surname: 'Kazlauskienė', role: 'mayor', detail: 'Vilnius', language: 'en', email: 'mayor@vilnius-city.example.org',
    at: { street: 'Konstitucijos pr.', houseNumber: '3', addressAddition: 'Vilnius City Municipality', postcode: 'LT-09601', city: 'Vilnius', country: 'Litauen' },
  });
  abroad('p:mejia-carlos', {
    gender: 'male', given: 'Carlos', surname: 'Mejía', role: 'mayor', detail: 'San Pedro Sula', language: 'en', email: 'alcalde@sanpedrosula.example.org',
    at: { street: 'Barrio El Centro', houseNumber: '', addressAddition: 'Alcaldía Municipal', postcode: '21101', city: 'San Pedro Sula', country: 'Honduras' },
  });
  abroad('p:arikan-zeynep', {
    gender: 'female', given: 'Zeynep', surname: 'Arıkan', role: 'mayor', detail: 'Gaziantep', language: 'en', email: 'baskan@gaziantep-bld.example.org',
    at: { street: 'Atatürk Bulvarı', houseNumber: '', addressAddition: 'Gaziantep Büyükşehir Belediyesi', postcode: '27010', city: 'Gaziantep', country: 'Türkei' },
  });
  abroad('p:sokolow-andrej', {
    gender: 'male', given: 'Andrej', surname: 'Sokolow', role: 'oberbuergermeister', detail: 'der Stadt Perm', email: 'glava@perm-city.example.org',
    at: { street: 'Uliza Lenina', houseNumber: '23', addressAddition: 'Stadtverwaltung Perm', postcode: '614000', city: 'Perm', country: 'Russland' },
    notes: 'Partnerschaft seit 2022 ausgesetzt: Grüße nur nach ausdrücklicher Freigabe.',
  });
  abroad('p:agbeko-komla', {
    gender: 'male', given: 'Komla', surname: 'Agbéko', role: 'maire', detail: 'de Lomé', language: 'fr', email: 'cabinet.maire@ville-lome.example.org',
    at: { street: 'Rue de la Mairie', houseNumber: '', addressAddition: 'Hôtel de Ville', postcode: 'BP 1101', city: 'Lomé', country: 'Togo' },
  });
  abroad('p:kowalenko-oleksandr', {
    gender: 'male', given: 'Oleksandr', surname: 'Kowalenko', role: 'mayor', detail: 'Kryvyi Rih', language: 'en', email: 'mayor@kryvyirih-city.example.org',
    at: { street: 'Soborna Square', houseNumber: '1', addressAddition: 'Kryvyi Rih City Council', postcode: '50101', city: 'Krywyj Rih', country: 'Ukraine' },
  });
}

function addPressAndEducation(b: DemoBook): void {
  const press: Array<[string, Gender, string, string, string | undefined, string]> = [
    ['p:kuhlmann-jens', 'male', 'Jens', 'Kuhlmann', 'org:tageblatt', 'Leiter der Lokalredaktion.'],
    ['p:bolte-friederike', 'female', 'Friederike', 'Bolte', 'org:tageblatt', 'Ressort Kultur.'],
    ['p:falk-robin', 'unknown', 'Robin', 'Falk', 'org:kurier', 'Ressort Stadtteile Nord.'],
    ['p:wiegand-stefan', 'male', 'Stefan', 'Wiegand', 'org:kurier', 'Fotograf.'],
    ['p:hoevelmann-lisa-marie', 'female', 'Lisa-Marie', 'Hövelmann', 'org:radio', 'Moderation „Hafenstadt am Morgen“.'],
    ['p:durmaz-oezlem', 'female', 'Özlem', 'Durmaz', 'org:ruhrwelle', 'Studioleitung Duisburg.'],
    ['p:fassbender-gregor', 'male', 'Gregor', 'Faßbender', undefined, 'Freier Journalist.'],
  ];
  for (const [ref, gender, given, surname, org, notes] of press) {
    b.person(ref, {
      gender, given, surname, at: org ? b.duisburg('mitte') : b.duisburg('duissern'), tags: ['Presse'], notes,
      ...(org ? { org } : {}), ...(ref === 'p:fassbender-gregor' ? { degrees: 'Dr.' } : {}),
    });
  }

  b.person('p:luettgens-verena', {
    gender: 'female', degrees: 'Dr.', given: 'Verena', surname: 'Lüttgens', org: 'org:gymnasium', at: b.duisburg('duissern'),
    tags: ['Bürgerschaft'], notes: 'Schulleiterin.',
  });
  b.person('p:demir-murat', {
    gender: 'male', given: 'Murat', surname: 'Demir', org: 'org:gesamtschule', at: b.duisburg('walsum'),
    tags: ['Bürgerschaft'], notes: 'Schulleiter.',
  });
  b.person('p:frerichs-claudia', {
    gender: 'female', given: 'Claudia', surname: 'Frerichs', org: 'org:grundschule', at: b.duisburg('homberg'),
    tags: ['Bürgerschaft'], notes: 'Schulleiterin.',
  });
  b.person('p:stammen-ulrich', {
    gender: 'male', degrees: 'Prof. Dr.', given: 'Ulrich', surname: 'Stammen', role: 'rektor',
    detail: 'der Niederrhein-Universität Duisburg', org: 'org:universitaet', at: b.duisburg('neudorf'), tags: ['Neujahrsempfang'],
    email: 'rektor@niederrhein-uni.example.de',
  });
  b.person('p:karadeniz-ayse', {
    gender: 'female', degrees: 'Prof. Dr.', given: 'Ayşe', surname: 'Karadeniz', org: 'org:universitaet', at: b.duisburg('neudorf'),
    tags: ['Neujahrsempfang'], notes: 'Prorektorin für Internationales.',
  });
}

function addCitizens(b: DemoBook): void {
  const citizens: Tag[] = ['Bürgerschaft'];
  const invited: Tag[] = ['Bürgerschaft', 'Neujahrsempfang'];

  // Couples
  b.person('p:moellenbeck-christiane', {
    gender: 'female', degrees: 'Dr.', given: 'Christiane', surname: 'Möllenbeck', at: b.duisburg('wedau'), tags: invited,
  });
  b.spouse('p:moellenbeck-christiane', 'p:sanders-martin', { gender: 'male', given: 'Martin', surname: 'Sanders' });
  b.person('p:von-wedelstein-theo', {
    gender: 'male', given: 'Theo', affix: 'Graf von', surname: 'Wedelstein', at: b.duisburg('grossenbaum'), tags: invited,
    notes: 'Stifter des Wedelstein-Preises für Heimatforschung.',
  });
  b.spouse('p:von-wedelstein-theo', 'p:von-wedelstein-charlotte', { gender: 'female', given: 'Charlotte', affix: 'Gräfin von' });
  b.person('p:von-bredenau-friedrich', {
    gender: 'male', given: 'Friedrich', affix: 'Freiherr von', surname: 'Bredenau', at: b.duisburg('huckingen'), tags: invited,
  });
  b.spouse('p:von-bredenau-friedrich', 'p:von-bredenau-amelie', {
    gender: 'female', degrees: 'Dr.', given: 'Amelie', affix: 'Freifrau von',
  });
  b.person('p:koetterheinrich-manfred', {
    gender: 'male', given: 'Manfred', surname: 'Kötterheinrich', at: b.duisburg('beeck'), tags: citizens, email: null,
    notes: 'Goldene Hochzeit am 14.08.2026.',
  });
  b.spouse('p:koetterheinrich-manfred', 'p:koetterheinrich-maria', { gender: 'female', given: 'Maria' });
  b.person('p:lindner-stefan', { gender: 'male', given: 'Stefan', surname: 'Lindner', at: b.duisburg('neudorf'), tags: citizens });
  b.spouse('p:lindner-stefan', 'p:behrendt-markus', { gender: 'male', given: 'Markus', surname: 'Behrendt' });

  // Single citizens: honorary work, sport, culture, jubilees
  const singles: Array<[string, Gender, string, string, District, Tag[], (string | undefined)?, (string | undefined)?]> = [
    ['p:boesken-hildegard', 'female', 'Hildegard', 'Bösken', 'hamborn', citizens, undefined, 'Ehrenamt im Seniorentreff Neumühl seit 1987.'],
    ['p:nowak-alex', 'diverse', 'Alex', 'Nowak', 'hochfeld', invited, undefined, 'Initiative „Hochfeld hilft“.'],
    ['p:brandt-sascha', 'unknown', 'Sascha', 'Brandt', 'rheinhausen', citizens],
    ['p:pieper-erwin', 'male', 'Erwin', 'Pieper', 'walsum', citizens, undefined, 'Ehrennadel der Stadt 2024.'],
    ['p:kirchhoff-jutta', 'female', 'Jutta', 'Kirchhoff', 'duissern', invited, 'Dr. med.', 'Hausärztin, Ehrenamt Kältebus.'],
    ['p:celik-oemer', 'male', 'Ömer', 'Çelik', 'marxloh', invited, undefined, 'Händlergemeinschaft Weseler Straße.'],
    ['p:kusnezowa-swetlana', 'female', 'Swetlana', 'Kusnezowa', 'meiderich', citizens, undefined, 'Leitet den Chor „Stimmen vom Rhein“.'],
    ['p:lo-presti-giuseppe', 'male', 'Giuseppe', 'Lo Presti', 'hochfeld', citizens],
    ['p:grabowski-maria', 'female', 'Maria', 'Grabowski', 'friemersheim', citizens],
    ['p:hellweg-fritz', 'male', 'Fritz', 'Hellweg', 'baerl', invited, 'Dr. h. c.', 'Mäzen des Kunstvereins.'],
    ['p:tenbrink-agnes', 'female', 'Agnes', 'Tenbrink', 'homberg', citizens, undefined, '100. Geburtstag am 02.03.2026.'],
    ['p:opgenoorth-jannik', 'male', 'Jannik', 'Opgenoorth', 'ruhrort', invited, undefined, 'Weltmeister im Leichtgewichts-Doppelzweier.'],
    ['p:wissmann-leonie', 'female', 'Leonie', 'Wißmann', 'wedau', citizens, undefined, 'Jugendstadträtin.'],
    ['p:reuter-nicola', 'unknown', 'Nicola', 'Reuter', 'buchholz', citizens],
    ['p:kowalczyk-paulina', 'female', 'Paulina', 'Kowalczyk', 'neudorf', citizens],
    ['p:hoffmann-gerda', 'female', 'Gerda', 'Hoffmann', 'grossenbaum', citizens, undefined, 'Stadtführerin (Ruhrort und Innenhafen).'],
  ];
  for (const [ref, gender, given, surname, district, tags, degrees, notes] of singles) {
    b.person(ref, {
      gender, given, surname, at: b.duisburg(district), tags,
      ...(degrees ? { degrees } : {}), ...(notes ? { notes } : {}),
      ...(notes?.includes('Geburtstag') ? { email: null } : {}),
    });
  }
}
