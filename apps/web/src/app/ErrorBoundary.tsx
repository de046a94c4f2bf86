import { Component, type ReactNode } from 'react';
import { LangContext, type LangContextValue } from '../i18n/lang-context';

/** A render error shows a way to reload, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  static override contextType = LangContext;
  declare context: LangContextValue;
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    const { t } = this.context;
    return (
      <main className="page narrow" role="alert">
        <h1>{t('errCrash')}</h1>
        <button className="button primary" onClick={() => location.reload()}>
          {t('reloadApp')}
        </button>
      </main>
    );
  }
}
