// @ts-check
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Layout from '@theme/Layout';

export default function Home() {
  const {siteConfig} = useDocusaurusContext();
  return (
    <Layout
      title={translate({id: 'homepage.title', message: 'Home', description: 'Title of the home page'})}
      description={siteConfig.tagline}
    >
      <main className="container margin-vert--xl">
        <h1 className="hero__title">{siteConfig.title}</h1>
        <p className="hero__subtitle">
          <Translate id="homepage.tagline" description="Tagline on the home page">
            reStructuredText, parsed like docutils, published as MDX
          </Translate>
        </p>
        <Link className="button button--primary button--lg" to="/docs/">
          <Translate id="homepage.cta" description="Call to action on the home page">
            Read the documentation
          </Translate>
        </Link>
      </main>
    </Layout>
  );
}
