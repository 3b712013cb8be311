/**
 * The peers the pipeline is measured against, on the same cleaned texts: wink-nlp alone (what our
 * sentences stage builds on) and compromise alone (the usual JavaScript choice for named entities).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import nlp from 'compromise';

export interface Peer {
  readonly name: string;
  readonly does: string;
  /** Reads one text; returns a count so the work cannot be optimised away. */
  run(text: string): number;
}

export function createWinkPeer(): Peer {
  const wink = winkNLP(model);
  const its = wink.its;
  return {
    name: 'wink-nlp default pipeline',
    does: 'readDoc (default pipe: sbd, negation, sentiment, pos, ner, cer) + tokens + POS (wink-eng-lite-web-model)',
    run: (text) => (wink.readDoc(text).tokens().out(its.pos) as string[]).length,
  };
}

/** wink-nlp with only what the "tokenise + POS" asks: sentence splitting and POS tagging. */
export function createWinkPosPeer(): Peer {
  const wink = winkNLP(model, ['sbd', 'pos']);
  const its = wink.its;
  return {
    name: 'wink-nlp tokenise + POS only',
    does: "readDoc with pipe ['sbd', 'pos'] + tokens + POS (what our sentences stage runs)",
    run: (text) => (wink.readDoc(text).tokens().out(its.pos) as string[]).length,
  };
}

export function createCompromisePeer(): Peer {
  return {
    name: 'compromise alone',
    does: 'people / places / organizations',
    run(text) {
      const doc = nlp(text);
      return (
        doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length
      );
    },
  };
}
